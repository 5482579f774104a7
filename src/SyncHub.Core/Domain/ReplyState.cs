namespace SyncHub.Domain;

/// <summary>The delivery state of an agent's reply.</summary>
public enum ReplyState
{
    Queued,
    Sent,
    Failed,
}
