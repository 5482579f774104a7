namespace SyncHub.Adapters.Twitter;

/// <summary>One answer of the mentions timeline with the rate-limit state it reported.</summary>
internal sealed record TwitterMentionsPage(TwitterMentionsAnswer Answer, TwitterRateLimit RateLimit);
