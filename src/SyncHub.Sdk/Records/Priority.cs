namespace SyncHub.Domain;

/// <summary>Ticket priority, from the support process: High (system down), Medium, Low.</summary>
public enum Priority
{
    High,
    Medium,
    Low,
}
