namespace SyncHub.Adapters.Twitter;

/// <summary>One answer of <c>GET /2/dm_events</c> with the rate-limit state it reported.</summary>
internal sealed record TwitterDmPage(TwitterDmEventsAnswer Answer, TwitterRateLimit RateLimit);
