using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary>A ticket named in a route by its id or its number (<c>10423</c> or <c>#10423</c>): every ticket route takes either.</summary>
internal static class TicketLookup
{
    public static async Task<Ticket?> FindAsync(ITicketStore store, string id, CancellationToken cancellationToken) =>
        Number(id) is { } n ? await store.GetByNumberAsync(n, cancellationToken) : await store.GetAsync(id, cancellationToken);

    /// <summary>
    /// The ticket id an action route names: the id itself, or the id of the ticket with that number (one read). A number
    /// no ticket has is given back as it was, so the action answers 404 naming it.
    /// </summary>
    public static async Task<string> IdAsync(ITicketStore store, string id, CancellationToken cancellationToken) =>
        Number(id) is { } n && await store.GetByNumberAsync(n, cancellationToken) is { } ticket ? ticket.Id : id;

    private static long? Number(string id)
    {
        var number = id.TrimStart('#');
        return number.Length > 0 && number.All(char.IsAsciiDigit) && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
