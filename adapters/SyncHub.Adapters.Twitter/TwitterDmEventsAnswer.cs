namespace SyncHub.Adapters.Twitter;

/// <summary>The body of <c>GET /2/dm_events</c>: <c>{data: [...], includes: {users: [...]}, meta: {result_count, next_token}}</c>, newest first.</summary>
internal sealed record TwitterDmEventsAnswer(IReadOnlyList<TwitterDmEvent>? Data, TwitterIncludes? Includes, TwitterMeta? Meta);
