namespace SyncHub.Domain;

/// <summary>The <see cref="OutboxEvent.Type"/> values the core writes.</summary>
public static class OutboxEventTypes
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
}
