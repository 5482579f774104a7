namespace SyncHub.Adapters.Twitter;

/// <summary>The body of <c>GET /2/users/:id/mentions</c>: <c>{data: [...], includes: {users: [...]}, meta: {...}}</c>, newest first.</summary>
internal sealed record TwitterMentionsAnswer(IReadOnlyList<TwitterTweet>? Data, TwitterIncludes? Includes, TwitterMeta? Meta);
