using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary>A ticket named in a route by its id or its number (<c>10423</c> or <c>#10423</c>).</summary>
internal static class TicketLookup
{
    public static async Task<Ticket?> FindAsync(ITicketStore store, string id, CancellationToken cancellationToken)
    {
        var number = id.TrimStart('#');
        return number.Length > 0 && number.All(char.IsAsciiDigit) && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? await store.GetByNumberAsync(n, cancellationToken)
            : await store.GetAsync(id, cancellationToken);
    }
}
