using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Redis.Scripts;
using SyncHub.Reviews;

namespace SyncHub.Redis.Reviews;

/// <summary>
/// The app-review signal counter in Redis, shared by every hub instance. Per signature, one Lua script (atomic):
/// <list type="bullet">
/// <item>a sorted set <c>{prefix}reviews:{signature}:seen</c> of <c>{ticketNumber}|{version}</c> scored by the review's
/// instant: entries older than the window are dropped, the review is added with <c>ZADD NX</c> (a replay keeps the first
/// score and counts once), and <c>ZCARD</c> is the count;</item>
/// <item>a flag <c>{prefix}reviews:{signature}:frequent</c> holding the member whose review crossed the threshold, set
/// like <c>SET NX</c> when the count reaches it and none is set, its expiry pushed to one window ahead by each new review,
/// so it lapses only after a whole window without one. The recorded review crossed when the flag holds its member.</item>
/// </list>
/// Both keys share the hash tag <c>{signature}</c> (one cluster slot) and expire a window after the last review. The flag's
/// quiet window runs on the server's clock, where the in-memory store uses review instants; for live reviews they agree.
/// </summary>
public sealed class RedisReviewSignalStore(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisReviewSignalStore> logger) : IReviewSignalStore
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;

    /// <summary>The Redis store's creation script records a review under these same keys (<see cref="ReviewSignalKeys"/>).</summary>
    public bool CountedInCreation => true;

    public async Task<SignalCount> RecordAsync(
        string signature,
        long ticketNumber,
        string? version,
        DateTimeOffset at,
        TimeSpan window,
        int threshold,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        cancellationToken.ThrowIfCancellationRequested();
        var (seen, flag) = ReviewSignalKeys.Of(prefix, signature);
        var keys = ReviewSignalScriptArgs.Keys(seen, flag);
        var arguments = ReviewSignalScriptArgs.Build(
            ticketNumber.ToString(CultureInfo.InvariantCulture) + ReviewSignalScriptArgs.MemberSuffix(version),
            at.ToUnixTimeMilliseconds(),
            ReviewSignalScriptArgs.WindowMillis(window),
            threshold,
            IReviewSignalStore.MaxEntries);
        var result = await RedisScripts.ReviewSignal.RunAsync(database, keys, arguments, logger, "review signal record");
        return Parse(result);
    }

    /// <summary>The count review-count.lua answers: {count, 1 when this review crossed, {member, score, ...} when it did}.</summary>
    internal static SignalCount Parse(RedisResult result)
    {
        var parts = (RedisResult[])result!;
        var flat = (RedisResult[])parts[2]!;
        if (flat.Length == 0)
        {
            return new SignalCount((int)parts[0], (int)parts[1] == 1, []);
        }

        var entries = new List<SignalEntry>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            var member = (string)flat[i]!;
            var bar = member.IndexOf('|', StringComparison.Ordinal);
            var number = long.Parse(member.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture);
            var entryVersion = member[(bar + 1)..];
            entries.Add(new SignalEntry(number, entryVersion.Length == 0 ? null : entryVersion, DateTimeOffset.FromUnixTimeMilliseconds((long)flat[i + 1])));
        }

        return new SignalCount((int)parts[0], (int)parts[1] == 1, entries);
    }
}
