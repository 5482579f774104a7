using System.Text.Json;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// The body of <c>GET /calls</c>: <c>{"calls": [...], "meta": {"total_pages", "current", "total_count"}}</c>. The calls
/// stay raw elements so that each is read on its own and one oddly typed call cannot fail the page.
/// </summary>
internal sealed record FreshcallerCallsAnswer(IReadOnlyList<JsonElement>? Calls, FreshcallerMeta? Meta);
