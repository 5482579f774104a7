using SyncHub.Domain;

namespace SyncHub.Host.ApiReference;

/// <summary>The answer of <c>GET /api/tickets</c> as the API reference describes it: a page and the next page's cursor.</summary>
internal sealed record TicketListAnswer(IReadOnlyList<Ticket> Items, string? Next);
