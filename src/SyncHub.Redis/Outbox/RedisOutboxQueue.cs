using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Redis.Scripts;

namespace SyncHub.Redis.Outbox;

/// <summary>
/// The outbox seen by notifiers, over the store's outbox stream (<c>{prefix}outbox</c>) with Redis consumer groups:
/// one group per notifier, created on first use at the start of the stream (so a notifier added later still gets
/// every event written before it), <c>XREADGROUP</c> for new events, <c>XAUTOCLAIM</c> for events a dead consumer
/// left pending, <c>XACK</c>. A group that disappears (the stream was removed, Redis lost its data) is created
/// again. Connection loss and timeouts surface as <see cref="SyncHub.Storage.StoreUnavailableException"/>.
/// Needs Redis 6.2 or later (XAUTOCLAIM); the lag comes from XINFO GROUPS on Redis 7 and is counted on older ones.
/// </summary>
public sealed partial class RedisOutboxQueue(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisOutboxQueue> logger) : IOutboxQueue
{
    /// <summary>Where a new group starts reading: the first entry of the stream.</summary>
    internal const string GroupStart = "0";

    /// <summary>Entries read per call when the lag has to be counted (Redis before 7, or entries deleted from the stream).</summary>
    private const int LagCountPage = 1000;

    private readonly IDatabase database = redis.GetDatabase();
    private readonly string key = options.Value.KeyPrefix + "outbox";
    private readonly ConcurrentDictionary<string, bool> groups = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<OutboxDelivery>> ReadAsync(string group, string consumer, int count, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await InGroupAsync(
            group,
            () => database.StreamReadGroupAsync(key, group, consumer, StreamPosition.NewMessages, count),
            "outbox read");

        var deliveries = new List<OutboxDelivery>(entries.Length);
        foreach (var entry in entries)
        {
            deliveries.Add(new OutboxDelivery(entry.Id!, ReadEvent(entry.Id!, entry["event"]), 1));
        }

        return deliveries;
    }

    public async Task<IReadOnlyList<OutboxDelivery>> ClaimStaleAsync(string group, string consumer, TimeSpan minIdle, int count, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(minIdle, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        cancellationToken.ThrowIfCancellationRequested();

        // Whole milliseconds, rounded up: an event is never claimed before it has been idle for minIdle.
        var idleMs = (long)Math.Ceiling(minIdle.TotalMilliseconds);
        var reply = await InGroupAsync(
            group,
            () => RedisScripts.OutboxClaim.RunAsync(database, OutboxClaimScriptArgs.Build(key, group, consumer, idleMs, count), logger, "outbox claim").AsTask(),
            "outbox claim");

        var fields = (RedisResult[])reply!;
        var claimed = new List<OutboxDelivery>(fields.Length / 3);
        for (var at = 0; at + 2 < fields.Length; at += 3)
        {
            var position = (string)fields[at]!;
            claimed.Add(new OutboxDelivery(position, ReadEvent(position, (RedisValue)fields[at + 2]), (int)fields[at + 1]));
        }

        if (claimed.Count > 0)
        {
            Log.OutboxClaimed(logger, consumer, group, claimed.Count);
        }

        return claimed;
    }

    public async Task AckAsync(string group, string position, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(position);
        cancellationToken.ThrowIfCancellationRequested();
        if (!StreamId().IsMatch(position))
        {
            throw new ArgumentException("The position is not one this outbox gave out.", nameof(position));
        }

        try
        {
            // No group needed: acknowledging in a group that does not exist (any more) does nothing.
            await RedisFailures.GuardAsync(() => database.StreamAcknowledgeAsync(key, group, position), logger, "outbox ack");
        }
        catch (RedisServerException ex) when (ex.Message.Contains("Invalid stream ID", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The position is not one this outbox gave out.", nameof(position), ex);
        }
    }

    public async Task KeepAsync(string group, string consumer, string position, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        cancellationToken.ThrowIfCancellationRequested();
        if (!StreamId().IsMatch(position))
        {
            throw new ArgumentException("The position is not one this outbox gave out.", nameof(position));
        }

        // XCLAIM ... JUSTID to the same consumer resets the idle time without counting a delivery.
        await RedisFailures.GuardAsync(() => database.StreamClaimIdsOnlyAsync(key, group, consumer, 0, [position]), logger, "outbox keep");
    }

    public async Task<long> LagAsync(string group, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        cancellationToken.ThrowIfCancellationRequested();
        var info = await RequireGroupInfoAsync(group, "outbox lag");
        if (info.Lag is { } lag)
        {
            return info.PendingMessageCount + lag;
        }

        // Redis before 7 does not report the lag, and Redis 7 does not when entries were deleted from the stream.
        var last = info.LastDeliveredId ?? GroupStart;
        Log.OutboxLagCounted(logger, group, last);
        return info.PendingMessageCount + await CountAfterAsync(last);
    }

    /// <summary>
    /// XINFO GROUPS, then one entry: the lowest pending one (XPENDING summary) if any, else the first after the group's
    /// last delivered id. Three O(1) or O(log N) commands, whatever the backlog.
    /// </summary>
    public async Task<DateTimeOffset?> OldestPendingAsync(string group, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        cancellationToken.ThrowIfCancellationRequested();
        var info = await RequireGroupInfoAsync(group, "outbox oldest");
        RedisValue from = "(" + (info.LastDeliveredId ?? GroupStart);
        if (info.PendingMessageCount > 0)
        {
            var summary = await InGroupAsync(group, () => database.StreamPendingAsync(key, group), "outbox oldest");
            from = summary.LowestPendingMessageId;
        }

        var first = await RedisFailures.GuardAsync(() => database.StreamRangeAsync(key, from, "+", 1), logger, "outbox oldest");
        return first.Length == 0 ? null : ReadEvent(first[0].Id!, first[0]["event"]).CreatedAt;
    }

    /// <summary>A stream entry id, <c>{ms}-{seq}</c> (Redis itself refuses one out of range).</summary>
    [GeneratedRegex(@"^[0-9]{1,20}-[0-9]{1,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StreamId();

    /// <summary>A NOGROUP reply: the stream key or the group is gone (it may be wrapped by a script error on old servers).</summary>
    private static bool IsNoGroup(RedisServerException exception) =>
        exception.Message.Contains("NOGROUP", StringComparison.Ordinal);

    private static OutboxEvent ReadEvent(string position, RedisValue json) =>
        json.IsNull
            ? throw new InvalidOperationException($"The outbox entry {position} has no event field.")
            : StoreJson.ReadEvent((byte[])json!);

    /// <summary>
    /// Runs <paramref name="call"/> against <paramref name="group"/>, creating the group on first use, and once
    /// more after creating it again when Redis answers that it is gone.
    /// </summary>
    private async Task<T> InGroupAsync<T>(string group, Func<Task<T>> call, string operation)
    {
        await EnsureGroupAsync(group);
        try
        {
            return await RedisFailures.GuardAsync(call, logger, operation);
        }
        catch (RedisServerException ex) when (IsNoGroup(ex))
        {
            await RecreateGroupAsync(group);
            return await RedisFailures.GuardAsync(call, logger, operation);
        }
    }

    private async Task RecreateGroupAsync(string group)
    {
        groups.TryRemove(group, out _);
        Log.OutboxGroupLost(logger, group);
        await EnsureGroupAsync(group);
    }

    private async Task EnsureGroupAsync(string group)
    {
        if (groups.ContainsKey(group))
        {
            return;
        }

        try
        {
            if (await RedisFailures.GuardAsync(() => database.StreamCreateConsumerGroupAsync(key, group, GroupStart, createStream: true), logger, "outbox group create"))
            {
                Log.OutboxGroupCreated(logger, group, key);
            }
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier run) created it.
        }

        groups[group] = true;
    }

    /// <summary>XINFO GROUPS for <paramref name="group"/>, creating the group on first use and again when it is gone.</summary>
    private async Task<StreamGroupInfo> RequireGroupInfoAsync(string group, string operation)
    {
        await EnsureGroupAsync(group);
        var info = await RedisFailures.GuardAsync(() => GroupInfoAsync(group), logger, operation);
        if (info is null)
        {
            await RecreateGroupAsync(group);
            info = await RedisFailures.GuardAsync(() => GroupInfoAsync(group), logger, operation)
                ?? throw new InvalidOperationException($"The outbox group {group} was gone again right after it was created.");
        }

        return info.Value;
    }

    /// <summary>XINFO GROUPS for <paramref name="group"/>; null when the stream or the group is gone.</summary>
    private async Task<StreamGroupInfo?> GroupInfoAsync(string group)
    {
        StreamGroupInfo[] all;
        try
        {
            all = await database.StreamGroupInfoAsync(key);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var info in all)
        {
            if (info.Name == group)
            {
                return info;
            }
        }

        return null;
    }

    /// <summary>The entries after <paramref name="lastDeliveredId"/>, counted page by page.</summary>
    private async Task<long> CountAfterAsync(string lastDeliveredId)
    {
        long count = 0;
        var after = lastDeliveredId;
        while (true)
        {
            var from = "(" + after;
            var page = await RedisFailures.GuardAsync(() => database.StreamRangeAsync(key, from, "+", LagCountPage), logger, "outbox lag");
            count += page.Length;
            if (page.Length < LagCountPage)
            {
                return count;
            }

            after = page[^1].Id!;
        }
    }
}
