namespace SyncHub.Domain;

/// <summary>The ticket's workflow status. Pending means waiting on the customer (the SLA clock pauses).</summary>
public enum TicketStatus
{
    Open,
    Pending,
    Solved,
    Closed,
}
