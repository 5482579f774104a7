using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>A page of tickets and the cursor of the next page (null on the last one).</summary>
public sealed record TicketPage(IReadOnlyList<Ticket> Items, string? Next);
