namespace SyncHub.Adapters.JsonFeed;

/// <summary>The named HTTP client of the feed.</summary>
internal static class JsonFeedHttp
{
    public const string ClientName = "SyncHub.JsonFeed";

    /// <summary>The largest answer read; a feed is a page of items, not a dump.</summary>
    public const int MaxAnswerBytes = 32 * 1024 * 1024;
}
