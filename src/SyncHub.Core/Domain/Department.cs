namespace SyncHub.Domain;

/// <summary>The department a ticket is routed to.</summary>
public enum Department
{
    PaidSupport,
    Community,
    Trials,
}
