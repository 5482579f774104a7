using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

/// <summary>
/// The index sets scored by ticket number as bitmaps (<c>Scripts/index-bitmaps.lua</c>): lists and searches that walk
/// them backwards across many chunks, the counts read from them, and a deployment whose indexes an older version wrote
/// as sorted sets.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisIndexBitmapTests(RedisServerFixture redis)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero));
    private readonly string prefix = redis.NewPrefix();

    private IDatabase Database => redis.Connection.GetDatabase();

    /// <summary>Every query the upgrade test compares, each paged with a small limit.</summary>
    private static TicketQuery[] Queries =>
    [
        new() { Limit = 3 },
        new() { Channel = Channel.Phone, Limit = 2 },
        new() { Channel = Channel.Phone, Priority = Priority.High, Limit = 2 },
        new() { Status = TicketStatus.Open, Breached = false, Limit = 2 },
        new() { Breached = true, Limit = 2 },
        new() { Breached = true, OpenOnly = true, Sort = TicketSort.SlaDue, Limit = 2 },
        new() { OpenOnly = true, Limit = 2 },
        new() { Unassigned = true, Department = Department.PaidSupport, Limit = 2 },
        new() { Assignees = ["Ana", "Bo"], Limit = 2 },
        new() { Assignees = ["Ana"], OpenOnly = true, Sort = TicketSort.Updated, Limit = 2 },
        new() { Department = Department.Community, Sort = TicketSort.Priority, Limit = 2 },
        new() { Search = "printer", Channel = Channel.Phone, Limit = 2 },
    ];

    [Fact]
    public async Task IndexesWrittenAsSortedSets_ListSearchCountsUpdateAndCreate_AnswerAsBeforeAndConvertTheKeys()
    {
        var store = TestStores.Tickets(redis, prefix);
        var tickets = await CreateMixAsync(store, 24);
        var closed = tickets[5];
        await store.UpdateAsync(closed.TicketId, t => new TicketChange(t with { Status = TicketStatus.Closed }, [], []));
        var expectedPages = await ListEveryQueryAsync(store);
        var expectedCounts = await CountsAsync(store);

        var rewritten = await IndexBitmaps.WriteAsSortedSetsAsync(redis, prefix);

        Assert.True(rewritten >= 15, $"{rewritten} index keys");
        Assert.All(await IndexBitmaps.KeysAsync(redis, prefix), k => Assert.Equal(nameof(RedisType.SortedSet), k.Value));

        // Counts first: no script has met a key yet, so every count reads a sorted set.
        Assert.Equal(expectedCounts, await CountsAsync(store));
        Assert.Equal(expectedPages, await ListEveryQueryAsync(store));
        Assert.Equal(expectedCounts, await CountsAsync(store));

        var pendingBefore = (await TicketCounts().CountAsync(time.GetUtcNow())).ByStatus[TicketStatus.Pending];
        var followUp = await store.CreateAsync(Samples.Creation(threadKey: ThreadKeys.ForTicket(closed.Number)));
        Assert.Equal(CreateOutcome.Created, followUp.Outcome);
        Assert.Equal(closed.TicketId, followUp.FollowsUp);
        var moved = tickets[0];
        await store.UpdateAsync(moved.TicketId, t => new TicketChange(t with { Channel = Channel.Email, Status = TicketStatus.Pending }, [], []));

        Assert.Equal(
            [followUp.Number, .. tickets.Select(t => t.Number).Reverse()],
            await ListAllAsync(store, new TicketQuery { Limit = 7 }));
        Assert.DoesNotContain(moved.Number, await ListAllAsync(store, new TicketQuery { Channel = Channel.Phone, Limit = 2 }));
        Assert.Contains(moved.Number, await ListAllAsync(store, new TicketQuery { Channel = Channel.Email, Status = TicketStatus.Pending }));
        var counts = await TicketCounts().CountAsync(time.GetUtcNow());
        Assert.Equal(pendingBefore + 1, counts.ByStatus[TicketStatus.Pending]);
        // A key is converted when a script first meets it: the two no query above named are met now.
        Assert.Equal(nameof(RedisType.SortedSet), (await IndexBitmaps.KeysAsync(redis, prefix))[prefix + "index:department:PaidSupport"]);
        Assert.NotEmpty(await ListAllAsync(store, new TicketQuery { Department = Department.PaidSupport, Assignees = ["Ana"] }));
        Assert.NotEmpty(await ListAllAsync(store, new TicketQuery { Assignees = ["Bo"], OpenOnly = true }));
        var keys = await IndexBitmaps.KeysAsync(redis, prefix);
        Assert.All(keys, k => Assert.Equal(nameof(RedisType.String), k.Value));
        Assert.Equal(
            [.. tickets.Select(t => t.Number), followUp.Number],
            await IndexBitmaps.MembersAsync(Database, prefix + "index:all"));
    }

    [Fact]
    public async Task ListAsync_RareFilterFarApartInTheNumbers_PagesBackwardsThroughEveryChunk()
    {
        var store = new RedisTicketStore(redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisTicketStore>.Instance)
        {
            ReadLimit = 0,
            WalkBudget = 1_000_000,
        };
        var phones = new List<long>();
        var highPhones = new List<long>();
        var all = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            // Two neighbours (one byte), then a gap of 10,000 to 70,000 numbers: 256 bytes, then twice as many per chunk.
            var phone = await store.CreateAsync(Samples.Creation(channel: Channel.Phone, priority: i % 2 == 0 ? Priority.High : Priority.Low));
            var web = await store.CreateAsync(Samples.Creation(channel: Channel.Web, priority: Priority.High));
            phones.Add(phone.Number);
            all.AddRange([phone.Number, web.Number]);
            if (i % 2 == 0)
            {
                highPhones.Add(phone.Number);
            }

            await Database.StringIncrementAsync(prefix + "counter", 10_000 * (i + 1));
        }

        phones.Reverse();
        highPhones.Reverse();
        all.Reverse();
        Assert.Equal(phones, await ListAllAsync(store, new TicketQuery { Channel = Channel.Phone, Limit = 2 }));
        Assert.Equal(phones, await ListAllAsync(store, new TicketQuery { Channel = Channel.Phone, Limit = 1 }));
        Assert.Equal(highPhones, await ListAllAsync(store, new TicketQuery { Channel = Channel.Phone, Priority = Priority.High, Limit = 2 }));
        Assert.Equal(all, await ListAllAsync(store, new TicketQuery { Limit = 3 }));

        // The search script: newest first walks the bitmap of the conditions (Phone, not Solved or Closed) downward.
        Assert.Equal(phones, await ListAllAsync(store, new TicketQuery { Channel = Channel.Phone, OpenOnly = true, Limit = 2 }));
        Assert.Equal(highPhones, await ListAllAsync(store, new TicketQuery { Channel = Channel.Phone, Priority = Priority.High, OpenOnly = true, Limit = 1 }));
        Assert.Equal(all, await ListAllAsync(store, new TicketQuery { OpenOnly = true, Limit = 4 }));
    }

    [Fact]
    public async Task Counts_FromTheBitmaps_AreTheTicketsOfEachIndexAndView()
    {
        var store = TestStores.Tickets(redis, prefix);
        var created = await CreateMixAsync(store, 30);
        var tickets = new List<Ticket>();
        foreach (var c in created)
        {
            tickets.Add((await store.GetAsync(c.TicketId))!);
        }

        var counts = await TicketCounts().CountAsync(time.GetUtcNow());
        var views = await store.CountViewsAsync(["ana"], time.GetUtcNow());

        Assert.All(Enum.GetValues<TicketStatus>(), s => Assert.Equal(tickets.Count(t => t.Status == s), counts.ByStatus[s]));
        Assert.All(Enum.GetValues<Department>(), d => Assert.Equal(tickets.Count(t => t.Department == d), counts.ByDepartment[d]));
        Assert.Equal(tickets.Count(SlaDeadlines.IsBreached), counts.Breached);
        var open = tickets.Where(t => t.Status is not (TicketStatus.Solved or TicketStatus.Closed)).ToList();
        Assert.Equal(open.Count(t => t.Assignee == "Ana"), views.Counts[TicketViews.Mine]);
        Assert.Equal(open.Count(t => t.Assignee is null), views.Counts[TicketViews.Unassigned]);
        Assert.Equal(open.Count(SlaDeadlines.IsBreached), views.Counts[TicketViews.Breached]);
        Assert.All(Enum.GetValues<Department>(), d => Assert.Equal(open.Count(t => t.Department == d), views.Counts[TicketViews.DepartmentPrefix + d]));
        Assert.InRange(views.Counts[TicketViews.Mine], 1, open.Count - 1);
        Assert.InRange(counts.Breached, 1, tickets.Count - 1);
        Assert.Equal(nameof(RedisType.String), (await Database.KeyTypeAsync(prefix + "index:open-assignee:ana")).ToString());
    }

    private SampleRecords Samples => new(time);

    private RedisTicketCounts TicketCounts() =>
        new(redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisTicketCounts>.Instance);

    /// <summary>
    /// Tickets of every channel kind the queries name, departments, priorities, statuses, assignees and breached
    /// targets mixed by their index; every second about a printer.
    /// </summary>
    private async Task<List<CreateResult>> CreateMixAsync(RedisTicketStore store, int count)
    {
        var samples = Samples;
        var created = new List<CreateResult>();
        for (var i = 0; i < count; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var breached = i % 4 == 1;
            var result = await store.CreateAsync(samples.Creation(
                channel: i % 3 == 0 ? Channel.Phone : Channel.Web,
                department: i % 2 == 0 ? Department.PaidSupport : Department.Community,
                priority: i % 5 == 0 ? Priority.High : Priority.Medium,
                body: i % 2 == 0 ? "The printer jams again" : null,
                sla: new SlaStamp { Policy = "gold", FirstResponseDueAt = time.GetUtcNow().AddHours(1), FirstResponseBreached = breached }));
            created.Add(result);
            var assignee = (i % 4) switch { 0 => "Ana", 1 => "Bo", _ => null };
            var status = (i % 6) switch { 2 => TicketStatus.Pending, 3 => TicketStatus.Solved, _ => TicketStatus.Open };
            if (assignee is not null || status != TicketStatus.Open)
            {
                await store.UpdateAsync(result.TicketId, t => new TicketChange(t with { Assignee = assignee, Status = status }, [], []));
            }
        }

        return created;
    }

    private async Task<List<List<long>>> ListEveryQueryAsync(RedisTicketStore store)
    {
        var pages = new List<List<long>>();
        foreach (var query in Queries)
        {
            var listed = await ListAllAsync(store, query);
            Assert.True(listed.Count > 0, $"nothing listed for {query}");
            pages.Add(listed);
        }

        return pages;
    }

    private static async Task<List<long>> ListAllAsync(RedisTicketStore store, TicketQuery query)
    {
        var listed = new List<long>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await store.ListAsync(query with { Cursor = cursor });
            listed.AddRange(page.Items.Select(t => t.Number));
            cursor = page.Next;
            if (cursor is null)
            {
                return listed;
            }
        }

        throw new InvalidOperationException("More than 100 pages.");
    }

    /// <summary>The ticket and view counts as one comparable string.</summary>
    private async Task<string> CountsAsync(RedisTicketStore store)
    {
        var counts = await TicketCounts().CountAsync(time.GetUtcNow());
        var views = await store.CountViewsAsync(["Ana"], time.GetUtcNow());
        return string.Join(
            ", ",
            [
                .. counts.ByStatus.Select(p => $"{p.Key}={p.Value}"),
                .. counts.ByDepartment.Select(p => $"{p.Key}={p.Value}"),
                $"breached={counts.Breached}",
                .. views.Counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"),
            ]);
    }
}
