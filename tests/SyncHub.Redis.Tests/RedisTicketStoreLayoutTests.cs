using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;
using Xunit.Abstractions;

namespace SyncHub.Redis.Tests;

/// <summary>
/// What only the Redis store has: its key layout, the SLA sets and the breached index, durability across
/// connections, the list scan limit, memory.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreLayoutTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero));
    private readonly string prefix = redis.NewPrefix();

    private SampleRecords Samples => new(time);

    private IDatabase Database => redis.Connection.GetDatabase();

    [Fact]
    public async Task Writes_AnyKind_EveryKeyCarriesTheConfiguredPrefix()
    {
        var before = await AllKeysAsync();
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var created = await store.CreateAsync(samples.Creation(
            channel: Channel.Email, department: Department.PaidSupport, priority: Priority.High, threadKey: "thread-1", sla: Sla()));
        await store.CreateAsync(samples.Creation(threadKey: "thread-1"));
        await store.CreateAsync(samples.Creation(threadKey: ThreadKeys.ForTicket(created.Number)));
        await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Status = TicketStatus.Pending }, [samples.Note("waiting")], []));
        var other = await store.CreateAsync(samples.Creation(sla: Sla() with { ResolutionBreached = true }));
        await TestStores.Checkpoints(redis, prefix).SetAsync("Email", "uid-9");
        await TestStores.DeadLetters(redis, prefix).AddAsync(new DeadLetter("Email", "m-1", "invalid", "{}", time.GetUtcNow()));

        var written = (await AllKeysAsync()).Except(before).Order(StringComparer.Ordinal).ToList();
        var tokenSets = written.Where(k => k.StartsWith(prefix + "w:", StringComparison.Ordinal)).ToList();
        written = [.. written.Except(tokenSets)];
        Assert.Contains(prefix + "w:sample", tokenSets);

        string[] expected =
        [
            "checkpoints", "counter", "dead-letters", "idempotency",
            "index:all", "index:breached", "index:channel:Email", "index:channel:Web", "index:department:Community",
            "index:department:PaidSupport", "index:priority:High", "index:priority:Medium", "index:status:Open", "index:status:Pending",
            "index:open-breached", "index:open-department:Community", "index:open-department:PaidSupport", "index:risk", "index:unassigned",
            "numbers", "outbox", "sla:first-response", "sla:first-response-at-risk", "sla:resolution", "sla:resolution-at-risk", "threads",
            "sort:due", "sort:due:at", "sort:priority", "sort:priority:at", "sort:updated", "sort:updated:at", "vocab",
            $"ticket:{created.TicketId}", $"ticket:{created.TicketId}:history", $"ticket:{other.TicketId}",
        ];
        Assert.Equal(expected.Select(k => prefix + k).Order(StringComparer.Ordinal), written);

        // The index sets scored by ticket number are bitmaps; the others are sorted sets scored by what they order by.
        foreach (var key in expected.Where(k => k.StartsWith("index:", StringComparison.Ordinal) && k != "index:risk"))
        {
            Assert.Equal(RedisType.String, await Database.KeyTypeAsync(prefix + key));
        }

        foreach (var key in expected.Where(k => k is "index:risk" or "sort:due" or "sort:priority" or "sort:updated" || k.StartsWith("sla:", StringComparison.Ordinal)))
        {
            Assert.Equal(RedisType.SortedSet, await Database.KeyTypeAsync(prefix + key));
        }

        Assert.Equal([created.Number], await IndexBitmaps.MembersAsync(Database, prefix + "index:department:PaidSupport"));
        Assert.Equal([created.Number, other.Number], await IndexBitmaps.MembersAsync(Database, prefix + "index:all"));
    }

    [Fact]
    public async Task SearchToken_HeldByEnoughTickets_BecomesABitmapOfTheirNumbers_AndLeavesWithItsLastTicket()
    {
        await Database.StringSetAsync(prefix + "search:bitmap-from", 3);
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var tickets = new List<CreateResult>();
        for (var i = 0; i < 3; i++)
        {
            tickets.Add(await store.CreateAsync(samples.Creation(body: "The quasar module stopped.")));
            Assert.Equal(i switch { 0 => RedisType.None, 1 => RedisType.Set, _ => RedisType.String }, await Database.KeyTypeAsync(prefix + "w:quasar"));
        }

        Assert.True(await Database.SetContainsAsync(prefix + "search:bitmaps", "quasar"));
        Assert.Equal(tickets.Select(t => t.Number), await IndexBitmaps.MembersAsync(Database, prefix + "w:quasar"));
        Assert.Equal(tickets.Select(t => t.Number).Order(), (await store.ListAsync(new TicketQuery { Search = "quas" })).Items.Select(t => t.Number).Order());

        await store.UpdateAsync(tickets[0].TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));
        Assert.False(await Database.StringGetBitAsync(prefix + "w:quasar", tickets[0].Number));
        Assert.Equal(tickets.Skip(1).Select(t => t.Number).Order(), (await store.ListAsync(new TicketQuery { Search = "quasar" })).Items.Select(t => t.Number).Order());
        foreach (var ticket in tickets.Skip(1))
        {
            await store.UpdateAsync(ticket.TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));
        }

        Assert.False(await Database.KeyExistsAsync(prefix + "w:quasar"));
        Assert.Null(await Database.SortedSetRankAsync(prefix + "vocab", "quasar"));
        Assert.False(await Database.SetContainsAsync(prefix + "search:bitmaps", "quasar"));
        Assert.Empty((await store.ListAsync(new TicketQuery { Search = "quasar" })).Items);
    }

    [Fact]
    public async Task SearchToken_ABitmapNotNamedAsOne_TakesAndLosesTicketsAndIsNamedFromThen()
    {
        // A bitmap written before {p}search:bitmaps existed: the set command tried on it fails with WRONGTYPE.
        await Database.StringSetAsync(prefix + "search:bitmap-from", 2);
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var first = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));
        var second = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));
        Assert.Equal(RedisType.String, await Database.KeyTypeAsync(prefix + "w:quasar"));
        await Database.KeyDeleteAsync(prefix + "search:bitmaps");

        var third = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));

        Assert.True(await Database.StringGetBitAsync(prefix + "w:quasar", third.Number));
        Assert.True(await Database.SetContainsAsync(prefix + "search:bitmaps", "quasar"));
        await Database.SetRemoveAsync(prefix + "search:bitmaps", "quasar");
        await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));
        Assert.False(await Database.StringGetBitAsync(prefix + "w:quasar", first.Number));
        Assert.True(await Database.SetContainsAsync(prefix + "search:bitmaps", "quasar"));
        Assert.Equal(
            new[] { second.Number, third.Number }.Order(),
            (await store.ListAsync(new TicketQuery { Search = "quasar" })).Items.Select(t => t.Number).Order());
    }

    [Fact]
    public async Task SearchToken_NamedAsABitmapButStillASet_StaysASetAndLosesTheName()
    {
        // A set named as a bitmap (a token whose bitmap an older version deleted and made again as a set).
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var first = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));
        var second = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));
        await Database.SetAddAsync(prefix + "search:bitmaps", "quasar");

        var third = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));

        Assert.Equal(RedisType.Set, await Database.KeyTypeAsync(prefix + "w:quasar"));
        Assert.False(await Database.SetContainsAsync(prefix + "search:bitmaps", "quasar"));
        await Database.SetAddAsync(prefix + "search:bitmaps", "quasar");
        await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));
        Assert.Equal(
            new[] { second.Number, third.Number }.Order(),
            (await Database.SetMembersAsync(prefix + "w:quasar")).Select(m => long.Parse((string)m!, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(
            new[] { second.Number, third.Number }.Order(),
            (await store.ListAsync(new TicketQuery { Search = "quasar" })).Items.Select(t => t.Number).Order());
    }

    [Fact]
    public async Task SearchToken_OnlyOneTicketHasIt_IsAVocabularyEntryWithoutAKeyOfItsOwn_UntilASecondTicketHasIt()
    {
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var first = await store.CreateAsync(samples.Creation(body: "The quasar module stopped on host zephyrone."));

        Assert.False(await Database.KeyExistsAsync(prefix + "w:quasar"));
        Assert.False(await Database.KeyExistsAsync(prefix + "w:zephyrone"));
        Assert.NotNull(await Database.SortedSetRankAsync(prefix + "vocab", Single("quasar", first)));
        Assert.Null(await Database.SortedSetRankAsync(prefix + "vocab", "quasar"));
        Assert.Equal([first.Number], await SearchAsync(store, "quasar"));
        Assert.Equal([first.Number], await SearchAsync(store, "quas"));
        Assert.Equal([first.Number], await SearchAsync(store, "zephyrone"));
        Assert.Equal([first.Number], await SearchAsync(store, "quasar", TicketStatus.Open));
        Assert.Empty(await SearchAsync(store, "quasar", TicketStatus.Pending));

        var second = await store.CreateAsync(samples.Creation(body: "Quasar again, on host zephyrtwo."));

        Assert.Equal(
            new[] { first.Number, second.Number }.Order(),
            (await Database.SetMembersAsync(prefix + "w:quasar")).Select(m => long.Parse((string)m!, CultureInfo.InvariantCulture)).Order());
        Assert.Null(await Database.SortedSetRankAsync(prefix + "vocab", Single("quasar", first)));
        Assert.NotNull(await Database.SortedSetRankAsync(prefix + "vocab", "quasar"));
        Assert.Equal(new[] { first.Number, second.Number }.Order(), (await SearchAsync(store, "quasar")).Order());
        // A prefix that expands to two single entries (zephyrone, zephyrtwo) and a word with a set.
        Assert.Equal(new[] { first.Number, second.Number }.Order(), (await SearchAsync(store, "zephyr")).Order());
        Assert.Equal([second.Number], await SearchAsync(store, "zephyrtwo quasar"));

        await store.UpdateAsync(second.TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));

        Assert.Null(await Database.SortedSetRankAsync(prefix + "vocab", Single("zephyrtwo", second)));
        Assert.Equal([first.Number], await SearchAsync(store, "quasar"));
        Assert.Equal([first.Number], await SearchAsync(store, "zephyr"));
        await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));
        Assert.Empty(await SearchAsync(store, "quas"));
        Assert.Empty(await SearchAsync(store, "zephyr"));
        var vocabulary = (await Database.SortedSetRangeByRankAsync(prefix + "vocab")).Select(m => (string)m!).ToList();
        Assert.DoesNotContain(vocabulary, token => token.StartsWith("quasar", StringComparison.Ordinal) || token.StartsWith("zephyr", StringComparison.Ordinal));
        Assert.False(await Database.KeyExistsAsync(prefix + "w:quasar"));
    }

    [Fact]
    public async Task SearchToken_ASetOfOneAnOlderVersionWrote_TakesASecondTicketAndLeavesWithItsLast()
    {
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var first = await store.CreateAsync(samples.Creation(body: "Nothing special."));
        // As a version before single entries stored a token only this ticket has.
        await Database.SetAddAsync(prefix + "w:quasar", first.Number);
        await Database.SortedSetAddAsync(prefix + "vocab", "quasar", 0);

        var second = await store.CreateAsync(samples.Creation(body: "The quasar module stopped."));

        Assert.Equal(2, await Database.SetLengthAsync(prefix + "w:quasar"));
        Assert.Null(await Database.SortedSetRankAsync(prefix + "vocab", Single("quasar", second)));
        Assert.Equal(new[] { first.Number, second.Number }.Order(), (await SearchAsync(store, "quasar")).Order());
        await store.UpdateAsync(second.TicketId, t => new TicketChange(t with { Body = "Solved by a restart." }, [], []));
        Assert.Equal([first.Number], await SearchAsync(store, "quasar"));
    }

    [Fact]
    public async Task Search_TicketsWrittenBeforeTheDenseScoreCopy_AreOrderedFromTheSortSetAndCopied()
    {
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var late = await store.CreateAsync(samples.Creation(body: "Quokka sync stalls.", sla: Sla()));
        var early = await store.CreateAsync(samples.Creation(body: "Quokka sync stalls.", sla: Sla() with { FirstResponseDueAt = Sla().FirstResponseDueAt!.Value.AddHours(-1) }));
        await Database.KeyDeleteAsync(prefix + "sort:due:at");

        var page = await store.ListAsync(new TicketQuery { Search = "quokka", Sort = TicketSort.SlaDue });

        Assert.Equal([early.Number, late.Number], page.Items.Select(t => t.Number));
        var copied = await Database.ExecuteAsync("BITFIELD_RO", prefix + "sort:due:at", "GET", "i64", "#" + early.Number);
        Assert.Equal(await Database.SortedSetScoreAsync(prefix + "sort:due", early.Number), (double)(long)((RedisResult[])copied!)[0]);
    }

    [Fact]
    public async Task CreateAsync_SlaStamp_PutsEachLiveDeadlineInItsSetScoredInUnixMilliseconds()
    {
        var store = TestStores.Tickets(redis, prefix);
        var sla = Sla();
        var created = await store.CreateAsync(Samples.Creation(sla: sla));
        var member = created.Number.ToString(CultureInfo.InvariantCulture);

        Assert.Equal(sla.FirstResponseDueAt!.Value.ToUnixTimeMilliseconds(), await Database.SortedSetScoreAsync(prefix + "sla:first-response", member));
        Assert.Equal(sla.ResolutionDueAt!.Value.ToUnixTimeMilliseconds(), await Database.SortedSetScoreAsync(prefix + "sla:resolution", member));
        Assert.Equal(sla.FirstResponseAtRiskAt!.Value.ToUnixTimeMilliseconds(), await Database.SortedSetScoreAsync(prefix + "sla:first-response-at-risk", member));
        Assert.Equal(sla.ResolutionAtRiskAt!.Value.ToUnixTimeMilliseconds(), await Database.SortedSetScoreAsync(prefix + "sla:resolution-at-risk", member));
        Assert.Empty(await IndexBitmaps.MembersAsync(Database, prefix + "index:breached"));
    }

    [Fact]
    public async Task UpdateAsync_AnySequenceOfChanges_KeepsEachSlaSetExactlyTheLiveDeadlines()
    {
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var created = new List<CreateResult>();
        for (var i = 0; i < 16; i++)
        {
            created.Add(await store.CreateAsync(samples.Creation(sla: i % 5 == 4 ? null : Sla(TimeSpan.FromMinutes(i)))));
        }

        // Each ticket goes through its own sequence of changes (a best-effort ticket through none), ending paused,
        // running again, breached, solved...
        string[][] sequences =
        [
            ["first-response-warned", "first-responded", "resolution-warned"],
            ["paused", "resumed"],
            ["paused"],
            ["first-response-breached", "resolution-breached"],
            ["solved"],
            ["solved", "reopened"],
            ["resolution-breached", "breach-cleared"],
            ["closed"],
        ];
        for (var i = 0; i < created.Count; i++)
        {
            foreach (var change in sequences[i % sequences.Length])
            {
                time.Advance(TimeSpan.FromMinutes(1));
                await store.UpdateAsync(created[i].TicketId, t => t.Sla is null ? null : new TicketChange(SlaSamples.Apply(t, change, time.GetUtcNow()), [], []));
            }
        }

        var tickets = new List<Ticket>();
        foreach (var c in created)
        {
            tickets.Add((await store.GetAsync(c.TicketId))!);
        }

        foreach (var kind in Enum.GetValues<SlaDeadlineKind>())
        {
            var expected = tickets
                .SelectMany(t => SlaDeadlines.Live(t).Where(d => d.Kind == kind).Select(d => (Member: t.Number, Score: d.At.ToUnixTimeMilliseconds())))
                .OrderBy(d => d.Member);
            var stored = await Database.SortedSetRangeByRankWithScoresAsync(prefix + TicketIndexes.SlaSets[(int)kind]);
            Assert.Equal(expected, stored.Select(e => (Member: (long)e.Element, Score: (long)e.Score)).OrderBy(d => d.Member));
        }

        var breached = await IndexBitmaps.MembersAsync(Database, prefix + "index:breached");
        Assert.Equal(tickets.Where(SlaDeadlines.IsBreached).Select(t => t.Number).Order(), breached);
        Assert.Contains(tickets, SlaDeadlines.IsBreached);
        Assert.Contains(tickets, t => SlaDeadlines.Live(t).Count == 4);
    }

    [Fact]
    public async Task DueAsync_InstantWithSubMillisecondTicks_IsRoundedUpSoItIsNeverReturnedEarly()
    {
        var store = TestStores.Tickets(redis, prefix);
        var due = time.GetUtcNow().AddMinutes(30).AddTicks(4_321);
        var created = await store.CreateAsync(Samples.Creation(sla: new SlaStamp { Policy = "gold-high", FirstResponseDueAt = due }));

        Assert.Empty(await store.DueAsync(due, 10));
        var deadline = Assert.Single(await store.DueAsync(due.AddMilliseconds(1), 10));
        Assert.Equal(created.TicketId, deadline.TicketId);
        Assert.InRange(deadline.At - due, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task CreateAsync_TicketNumberThreadKey_IsNotRecordedAsAThread()
    {
        var store = TestStores.Tickets(redis, prefix);
        var first = await store.CreateAsync(Samples.Creation());

        await store.CreateAsync(Samples.Creation(threadKey: ThreadKeys.ForTicket(first.Number)));
        await store.CreateAsync(Samples.Creation(threadKey: ThreadKeys.ForTicket(first.Number + 50)));

        Assert.False(await Database.KeyExistsAsync(prefix + "threads"));
    }

    [Fact]
    public async Task GetAsync_FreshConnection_ReadsWhatAnotherConnectionWrote()
    {
        var creation = Samples.Creation(sla: Sla());
        var created = await TestStores.Tickets(redis, prefix).CreateAsync(creation);
        var written = await TestStores.Tickets(redis, prefix).GetAsync(created.TicketId);

        await using var restarted = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        var store = TestStores.Tickets(redis, prefix, restarted);

        Assert.Equal(TicketStoreContractJson(written!), TicketStoreContractJson((await store.GetAsync(created.TicketId))!));
        Assert.Equal([created.Number], (await store.ListAsync(new TicketQuery())).Items.Select(t => t.Number));
        Assert.Equal(creation.Outbox[0].Id, Assert.Single(await store.ReadOutboxAsync(null, 10)).Event.Id);
        Assert.Equal(CreateOutcome.Duplicate, (await store.CreateAsync(Samples.Creation(externalId: creation.Ticket.ExternalId))).Outcome);
        Assert.Equal(created.Number + 1, (await store.CreateAsync(Samples.Creation())).Number);
    }

    [Fact]
    public async Task ListAsync_ScanLimitReached_ReturnsShorterPagesThatStillCoverEveryMatch()
    {
        var store = TestStores.Tickets(redis, prefix, listScanLimit: 10);
        var samples = Samples;
        var matching = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            // Even: Phone; odd: High; 0, 12 and 24 are both. Phone (15) is the smaller index, so it is walked.
            var both = i % 12 == 0;
            var result = await store.CreateAsync(samples.Creation(
                channel: i % 2 == 0 ? Channel.Phone : Channel.Web,
                priority: i % 2 == 1 || both ? Priority.High : Priority.Low));
            if (both)
            {
                matching.Add(result.Number);
            }
        }

        var query = new TicketQuery { Channel = Channel.Phone, Priority = Priority.High, Limit = 5 };
        var first = await store.ListAsync(query);
        var listed = new List<long>(first.Items.Select(t => t.Number));
        var cursor = first.Next;
        for (var pages = 1; cursor is not null && pages < 20; pages++)
        {
            var page = await store.ListAsync(query with { Cursor = cursor });
            listed.AddRange(page.Items.Select(t => t.Number));
            cursor = page.Next;
        }

        Assert.NotNull(first.Next);
        Assert.True(first.Items.Count < matching.Count);
        Assert.Null(cursor);
        Assert.Equal(matching.AsEnumerable().Reverse(), listed);
    }

    [Fact]
    public async Task CreateAsync_ThousandTicketsWithOneKilobyteBody_StaysUnderSixKilobytesEach()
    {
        const int count = 1000;
        var store = TestStores.Tickets(redis, prefix);
        var samples = Samples;
        var body = new string('x', 1024);
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var usedBefore = await UsedMemoryAsync(server);

        var last = 0L;
        for (var i = 0; i < count; i++)
        {
            last = (await store.CreateAsync(samples.Creation(body: body, sla: Sla()))).Number;
        }

        var usedAfter = await UsedMemoryAsync(server);
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var keys = (RedisResult[])(await server.ExecuteAsync("KEYS", prefix + "*"))!;
        foreach (var key in keys.Select(k => (string)k!))
        {
            var bytes = (long)await Database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            var kind = key[prefix.Length..];
            kind = kind.StartsWith("ticket:", StringComparison.Ordinal) ? (kind.EndsWith(":history", StringComparison.Ordinal) ? "ticket:{id}:history" : "ticket:{id}") : kind;
            byKind[kind] = byKind.GetValueOrDefault(kind) + bytes;
        }

        // The dense copies of the sort scores hold 8 bytes per ticket number from 0 (a fixed 80 KB below the first
        // number), so they are checked by length and left out of the per-ticket figure.
        foreach (var sort in new[] { "sort:due:at", "sort:priority:at", "sort:updated:at" })
        {
            Assert.Equal(8 * (last + 1), (long)await Database.StringLengthAsync(prefix + sort));
            byKind.Remove(sort);
        }

        var perTicket = byKind.Values.Sum() / count;
        output.WriteLine($"Redis memory per ticket with a 1 KB body: {perTicket} B (MEMORY USAGE summed over {keys.Length} keys), " +
                         $"{(usedAfter - usedBefore) / count} B (INFO used_memory delta)");
        foreach (var (kind, bytes) in byKind)
        {
            output.WriteLine($"  {kind}: {bytes / count} B per ticket");
        }

        // About 1 KB of it is the search index (tokens, vocabulary), the three sort sets and the view sets.
        Assert.InRange(perTicket, 1024, 6144);
    }

    private static string TicketStoreContractJson(Ticket ticket) => System.Text.Json.JsonSerializer.Serialize(ticket, SyncHubJson.Options);

    private static async Task<long> UsedMemoryAsync(IServer server)
    {
        var info = await server.InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The vocabulary entry of a token only <paramref name="ticket"/> has (index-ops.lua).</summary>
    private static string Single(string token, CreateResult ticket) =>
        token + "\u0001" + ticket.Number.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<long>> SearchAsync(ITicketStore store, string search, TicketStatus? status = null) =>
        [.. (await store.ListAsync(new TicketQuery { Search = search, Status = status })).Items.Select(t => t.Number)];

    private SlaStamp Sla(TimeSpan? offset = null) => SlaSamples.Running(time.GetUtcNow() + (offset ?? TimeSpan.Zero));

    private async Task<HashSet<string>> AllKeysAsync()
    {
        var keys = await redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).ExecuteAsync("KEYS", "*");
        return [.. ((RedisResult[])keys!).Select(k => (string)k!)];
    }
}
