using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The ticket counts from the store's index sets, in one round trip: BITCOUNT of each <c>index:status:*</c> and
/// <c>index:department:*</c> bitmap and of <c>index:breached</c> (see <see cref="TicketIndexes.SizeAsync"/>), and ZCOUNT of the SLA sets after <c>now</c> (a target
/// is at risk when its due time is still ahead and its at-risk instant is not). Each command is O(log N) or, for BITCOUNT,
/// a popcount of N/8 bytes (about 10 µs per million tickets): nothing reads the tickets, whatever the store's size.
/// </summary>
public sealed class RedisTicketCounts(IConnectionMultiplexer redis, IOptions<RedisStoreOptions> options, ILogger<RedisTicketCounts> logger) : ITicketCounts
{
    private readonly IDatabase database = redis.GetDatabase();
    private readonly string prefix = options.Value.KeyPrefix;

    public async Task<TicketCounts> CountAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statuses = Enum.GetValues<TicketStatus>();
        var departments = Enum.GetValues<Department>();

        // Strictly after now, as DueAsync hands out everything at or before it.
        var after = TicketIndexes.Score(now) + 1;
        var batch = database.CreateBatch();
        var byStatus = statuses.Select(s => Size(batch, TicketIndexes.Of(s))).ToArray();
        var byDepartment = departments.Select(d => Size(batch, TicketIndexes.Of(d))).ToArray();
        var breached = Size(batch, TicketIndexes.Breached);
        var live = TicketIndexes.SlaSets.Select(set => batch.SortedSetLengthAsync(prefix + set, after)).ToArray();
        batch.Execute();

        await RedisFailures.GuardAsync(
            async () =>
            {
                await Task.WhenAll([.. byStatus, .. byDepartment, breached, .. live]);
                return true;
            },
            logger,
            "ticket counts");
        long AtRisk(SlaDeadlineKind due, SlaDeadlineKind warn) => Math.Max(0, live[(int)due].Result - live[(int)warn].Result);
        return new TicketCounts(
            statuses.Select((s, i) => (s, byStatus[i].Result)).ToDictionary(p => p.s, p => p.Result),
            departments.Select((d, i) => (d, byDepartment[i].Result)).ToDictionary(p => p.d, p => p.Result),
            AtRisk(SlaDeadlineKind.FirstResponse, SlaDeadlineKind.FirstResponseAtRisk),
            AtRisk(SlaDeadlineKind.Resolution, SlaDeadlineKind.ResolutionAtRisk),
            breached.Result);
    }

    private Task<long> Size(IBatch batch, string index) => TicketIndexes.SizeAsync(batch, database, prefix + "index:" + index);
}
