using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>The plugin's log messages (EventIds 9000-9099). Never header values or item bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Debug, "JSON feed read: {Items} items, {New} after the cursor, {Handed} handed over, more: {HasMore}")]
    public static partial void FeedRead(ILogger logger, int items, int @new, int handed, bool hasMore);

    [LoggerMessage(9002, LogLevel.Warning, "JSON feed item skipped: {Reason}")]
    public static partial void ItemSkipped(ILogger logger, string reason);
}
