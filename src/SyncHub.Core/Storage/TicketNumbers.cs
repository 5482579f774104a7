namespace SyncHub.Storage;

/// <summary>Ticket numbers start here so they read like a help desk's (<c>#10001</c>).</summary>
public static class TicketNumbers
{
    public const long First = 10001;
}
