using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

/// <summary>
/// Waiting on a hub's stored state (kept out of <see cref="HubServer"/>, which the dashboard tests compile too without
/// the testing library).
/// </summary>
internal static class HubServerWaits
{
    /// <summary>The ticket as the API shows it, once its stored state meets <paramref name="condition"/> (at most 15 s).</summary>
    public static async Task<Ticket> TicketWhenAsync(this HubServer hub, string id, Func<Ticket, bool> condition)
    {
        var store = hub.App.Services.GetRequiredService<ITicketStore>();
        await Eventually.WaitUntilAsync(() => store.GetAsync(id).GetAwaiter().GetResult() is { } ticket && condition(ticket));
        return await hub.TicketAsync(id);
    }
}
