using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Workflow;
using Xunit;

namespace SyncHub.Testing.Storage;

/// <summary>Search, sort, views and merge: the part of the store contract the agents' workspace relies on.</summary>
public abstract partial class TicketStoreContract
{
    private static readonly IReadOnlyList<string> Ana = ["agent-ana", "Ana"];

    [Theory]
    [InlineData("Marie-Hélène")]
    [InlineData("marie")]
    [InlineData("helene")]
    [InlineData("marie.dupont@acme-corp.example")]
    [InlineData("MARIE.DUPONT@ACME-CORP.EXAMPLE")]
    [InlineData("+33 1 44 55 66 77")]
    [InlineData("33144556677")]
    [InlineData("Zephyrine")]
    [InlineData("Logistique")]
    [InlineData("printer")]
    [InlineData("spooler")]
    [InlineData("spool")]
    [InlineData("zephyr")]
    public async Task ListAsync_SearchByAnyIndexedField_FindsTheTicket(string q)
    {
        var store = CreateStore();
        var wanted = await CreateShapedAsync(store, t => t with
        {
            Subject = "Printer offline after update",
            Body = "The spooler service stops every morning.",
            Requester = new Requester("Marie-Hélène Dupont", "Marie.Dupont@acme-corp.example", "+33 1 44 55 66 77", null),
            Account = new AccountSnapshot("crm-9", "Zéphyrine Logistique", "Gold", "Active Customer"),
        });
        await CreateShapedAsync(store, t => t with { Subject = "Invoice question", Body = "Where is my invoice?" });

        var found = await ListAllAsync(store, new TicketQuery { Search = q });

        Assert.Equal([wanted.Number], found.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_SearchByNumber_FindsThatTicket()
    {
        var store = CreateStore();
        await CreateShapedAsync(store, t => t);
        var second = await CreateShapedAsync(store, t => t);

        var byNumber = await ListAllAsync(store, new TicketQuery { Search = second.Number.ToString(CultureInfo.InvariantCulture) });
        var byTag = await ListAllAsync(store, new TicketQuery { Search = second.Tag });

        Assert.Equal([second.Number], byNumber.Select(t => t.Number));
        Assert.Equal([second.Number], byTag.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_SearchWithSeveralWords_ReturnsOnlyTicketsMatchingEveryWord()
    {
        var store = CreateStore();
        var both = await CreateShapedAsync(store, t => t with { Subject = "Export to Excel fails", Body = "Timeout after 30 seconds" });
        await CreateShapedAsync(store, t => t with { Subject = "Export to PDF", Body = "Works fine" });
        await CreateShapedAsync(store, t => t with { Subject = "Login timeout", Body = "Session ends" });

        var found = await ListAllAsync(store, new TicketQuery { Search = "export timeo" });
        var none = await ListAllAsync(store, new TicketQuery { Search = "export nothinglikethis" });

        Assert.Equal([both.Number], found.Select(t => t.Number));
        Assert.Empty(none);
    }

    [Fact]
    public async Task ListAsync_SearchCombinedWithFilters_ReturnsTheIntersectionAcrossPages()
    {
        var store = CreateStore();
        var expected = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            var department = (Department)(i % 3);
            var ticket = await CreateShapedAsync(
                store,
                t => t with { Subject = i % 2 == 0 ? $"Sync error {i}" : $"Billing {i}", Department = department, Priority = i % 4 == 0 ? Priority.High : Priority.Low });
            if (i % 2 == 0 && department == Department.PaidSupport)
            {
                expected.Add(ticket.Number);
            }
        }

        var found = await ListAllAsync(store, new TicketQuery { Search = "sync", Department = Department.PaidSupport, Limit = 1 });
        var high = await ListAllAsync(store, new TicketQuery { Search = "sync", Priority = Priority.High });

        Assert.Equal(expected.OrderDescending(), found.Select(t => t.Number));
        Assert.Equal([TicketNumbers.First + 8, TicketNumbers.First + 4, TicketNumbers.First], high.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_SearchOpenWork_FindsTheOpenTicketsBehindManySolvedOnesAcrossPages()
    {
        var store = CreateStore();
        var open = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            // Newest first: ten solved, two open, 46 solved, the two oldest open.
            var isOpen = i is < 2 or 48 or 49;
            var ticket = await CreateShapedAsync(store, t => t with { Subject = "Zebra printer jam", Status = isOpen ? TicketStatus.Open : TicketStatus.Solved });
            if (isOpen)
            {
                open.Add(ticket.Number);
            }
        }

        var found = await ListAllAsync(store, new TicketQuery { Search = "zebra", OpenOnly = true, Sort = TicketSort.Created, Limit = 1 });

        Assert.Equal(open.OrderDescending(), found.Select(t => t.Number));
    }

    [Fact]
    public async Task UpdateAsync_ChangedRequesterAndAccount_AreSearchedByTheirNewWordsOnly()
    {
        var store = CreateStore();
        var ticket = await CreateShapedAsync(store, t => t with
        {
            Requester = new Requester("Old Name", "old@example.org", "+1 555 0100 200", null),
            Account = new AccountSnapshot("crm-1", "Oldco", null, null),
        });

        await store.UpdateAsync(ticket.Id, t => new TicketChange(
            t with { Requester = new Requester("Nadia Quist", "nadia@newco.example", "+1 555 0199 300", null), Account = new AccountSnapshot("crm-2", "Newco Holdings", null, null) },
            [],
            []));

        foreach (var gone in new[] { "oldco", "old@example.org", "15550100200" })
        {
            Assert.Empty(await ListAllAsync(store, new TicketQuery { Search = gone }));
        }

        foreach (var now in new[] { "newco", "holdings", "nadia@newco.example", "quist", "15550199300" })
        {
            Assert.Equal([ticket.Number], (await ListAllAsync(store, new TicketQuery { Search = now })).Select(t => t.Number));
        }
    }

    [Theory]
    [InlineData(TicketSort.Created)]
    [InlineData(TicketSort.SlaDue)]
    [InlineData(TicketSort.Updated)]
    [InlineData(TicketSort.Priority)]
    public async Task ListAsync_EachSortWithPaging_VisitsEveryTicketOnceInTheSortOrder(TicketSort sort)
    {
        var store = CreateStore();
        var start = Time.GetUtcNow();
        for (var i = 0; i < 14; i++)
        {
            // Due times repeat (ties), some tickets have none, priorities vary.
            var due = i % 4 == 3 ? (SlaStamp?)null : SlaSamples.Running(start.AddMinutes(i % 5 * 7));
            await CreateShapedAsync(store, t => t with { Sla = due, Priority = (Priority)(i % 3), Subject = $"Queue item {i}" });
            Time.Advance(TimeSpan.FromSeconds(i % 2));
        }

        var touched = (await store.ListAsync(new TicketQuery { Limit = 3 })).Items[2];
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.UpdateAsync(touched.Id, t => new TicketChange(t with { UpdatedAt = Time.GetUtcNow() }, [Samples.Note("touched")], []));
        var all = await ListAllAsync(store, new TicketQuery { Sort = sort, Limit = 50 });

        var paged = await ListAllAsync(store, new TicketQuery { Sort = sort, Limit = 3 });
        var searched = await ListAllAsync(store, new TicketQuery { Sort = sort, Limit = 2, Search = "queue" });

        Assert.Equal(14, all.Count);
        var expected = all.Order(Comparer<Ticket>.Create((a, b) => TicketOrder.Compare(a, b, sort))).Select(t => t.Number).ToList();
        Assert.Equal(expected, all.Select(t => t.Number));
        Assert.Equal(expected, paged.Select(t => t.Number));
        Assert.Equal(expected, searched.Select(t => t.Number));
        if (sort == TicketSort.Updated)
        {
            Assert.Equal(touched.Number, all[0].Number);
        }
    }

    [Fact]
    public async Task ListAsync_SortedBySlaDue_PutsTheNearestLiveDueFirstAndTicketsWithoutOneLast()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var none = await CreateShapedAsync(store, t => t with { Sla = null });
        var late = await CreateShapedAsync(store, t => t with { Sla = SlaSamples.Running(now.AddHours(2)) });
        var soon = await CreateShapedAsync(store, t => t with { Sla = SlaSamples.Running(now) });

        // First response given: the resolution (8 h) is what is due next.
        var responded = await CreateShapedAsync(store, t => t with { Sla = SlaSamples.Running(now.AddMinutes(-60)) with { FirstRespondedAt = now } });
        var highLater = await CreateShapedAsync(store, t => t with { Sla = SlaSamples.Running(now.AddHours(3)), Priority = Priority.High });

        var byDue = await ListAllAsync(store, new TicketQuery { Sort = TicketSort.SlaDue });
        var byPriority = await ListAllAsync(store, new TicketQuery { Sort = TicketSort.Priority });

        Assert.Equal([soon.Number, late.Number, highLater.Number, responded.Number, none.Number], byDue.Select(t => t.Number));
        Assert.Equal([highLater.Number, soon.Number, late.Number, responded.Number, none.Number], byPriority.Select(t => t.Number));
    }

    [Fact]
    public async Task CountViewsAsync_CountsMoveAsTicketsAreCreatedAssignedRepliedAndSolved()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var empty = await Views(store).CountViewsAsync(Ana, now);
        var a = await CreateShapedAsync(store, t => t with { Department = Department.PaidSupport, Sla = SlaSamples.Running(now) });
        var b = await CreateShapedAsync(store, t => t with { Department = Department.Trials, Sla = SlaSamples.Running(now) with { FirstResponseBreached = true } });
        var c = await CreateShapedAsync(store, t => t with { Department = Department.PaidSupport, Sla = SlaSamples.Running(now.AddDays(1)) });
        var created = await Views(store).CountViewsAsync(Ana, now.AddMinutes(25));

        await store.UpdateAsync(a.Id, t => new TicketChange(t with { Assignee = "Ana" }, [], []));
        await store.UpdateAsync(b.Id, t => new TicketChange(t with { Assignee = "agent-ana", CustomerReplied = true }, [], []));
        await store.UpdateAsync(c.Id, t => new TicketChange(t with { Assignee = "bruno" }, [], []));
        var assigned = await Views(store).CountViewsAsync(Ana, now.AddMinutes(25));
        var asBruno = await Views(store).CountViewsAsync(["bruno"], now.AddMinutes(25));
        var asService = await Views(store).CountViewsAsync([], now.AddMinutes(25));

        await store.UpdateAsync(a.Id, t => new TicketChange(t with { Status = TicketStatus.Solved, SolvedAt = now }, [], []));
        await store.UpdateAsync(b.Id, t => new TicketChange(t with { Status = TicketStatus.Closed }, [], []));
        var solved = await Views(store).CountViewsAsync(Ana, now.AddMinutes(25));

        Assert.All(empty.Counts.Values, v => Assert.Equal(0, v));
        Assert.Equal(TicketViews.All.Order(), empty.Counts.Keys.Order());
        Assert.Equal((0L, 3L, 0L, 1L, 1L, 2L, 1L, 0L), Tuple(created));
        Assert.Equal((2L, 0L, 1L, 1L, 1L, 2L, 1L, 0L), Tuple(assigned));
        Assert.Equal(1L, asBruno.Counts[TicketViews.Mine]);
        Assert.Equal(0L, asService.Counts[TicketViews.Mine]);
        Assert.Equal((0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L), Tuple(solved));
    }

    [Fact]
    public async Task ListAsync_Views_ListTheOpenTicketsTheirCountsCount()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var mine = await CreateShapedAsync(store, t => t with { Assignee = "ana", Sla = SlaSamples.Running(now) });
        var replied = await CreateShapedAsync(store, t => t with { CustomerReplied = true, Sla = SlaSamples.Running(now.AddDays(1)) });
        var breached = await CreateShapedAsync(store, t => t with { Department = Department.Trials, Sla = SlaSamples.Running(now) with { ResolutionBreached = true } });
        var solvedMine = await CreateShapedAsync(store, t => t with { Assignee = "Ana", Status = TicketStatus.Solved, SolvedAt = now });
        var at = now.AddMinutes(25);

        async Task<List<long>> ViewAsync(string view, IReadOnlyList<string> who)
        {
            Assert.True(TicketViews.TryApply(view, new TicketQuery { Sort = TicketSort.SlaDue }, who, at, out var query));
            return [.. (await ListAllAsync(store, query)).Select(t => t.Number)];
        }

        Assert.Equal([mine.Number], await ViewAsync(TicketViews.Mine, Ana));
        Assert.Empty(await ViewAsync(TicketViews.Mine, []));
        Assert.Equal([breached.Number, replied.Number], await ViewAsync(TicketViews.Unassigned, Ana));
        Assert.Equal([replied.Number], await ViewAsync(TicketViews.CustomerReplied, Ana));
        Assert.Equal([mine.Number], await ViewAsync(TicketViews.AtRisk, Ana));
        Assert.Equal([breached.Number], await ViewAsync(TicketViews.Breached, Ana));
        Assert.Equal([breached.Number], await ViewAsync(TicketViews.DepartmentPrefix + "Trials", Ana));
        Assert.Equal([mine.Number, replied.Number], await ViewAsync(TicketViews.DepartmentPrefix + "Community", Ana));
        Assert.Equal([solvedMine.Number, mine.Number], (await ListAllAsync(store, new TicketQuery { Assignees = ["ANA"] })).Select(t => t.Number));
        Assert.False(TicketViews.TryApply("department:Nowhere", new TicketQuery(), Ana, at, out _));
    }

    [Fact]
    public async Task MergeAsync_MovesHistoryClosesTheDuplicateAndPointsItsKeysToTheSurvivor()
    {
        var store = CreateStore();
        var survivorCreation = Samples.Creation(threadKey: "mail-thread-1");
        var survivor = await store.CreateAsync(survivorCreation with { Ticket = survivorCreation.Ticket with { Subject = "Cannot log in" } });
        Time.Advance(TimeSpan.FromMinutes(10));
        var duplicateCreation = Samples.Creation(threadKey: "mail-thread-2", externalId: "dup-msg-1");
        var duplicate = await store.CreateAsync(duplicateCreation with { Ticket = duplicateCreation.Ticket with { Subject = "Xylophonic login trouble", CustomerReplied = true } });
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.UpdateAsync(survivor.TicketId, t => new TicketChange(t with { UpdatedAt = Time.GetUtcNow() }, [Samples.Note("survivor note")], []));
        Time.Advance(TimeSpan.FromMinutes(5));
        var before = await Views(store).CountViewsAsync(Ana, Time.GetUtcNow());

        var merged = await store.MergeAsync(duplicate.TicketId, survivor.TicketId, (d, s) => TicketMerger.Build(d, s, "Ana", Time.GetUtcNow()));

        Assert.NotNull(merged);
        Assert.Equal(survivor.TicketId, merged.Id);
        Assert.True(merged.CustomerReplied);
        var times = merged.History.Select(e => e.At).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(8, merged.History.Count);
        Assert.Contains(merged.History, e => e.Message == "survivor note");
        Assert.Equal(TicketMerger.MergedHistoryType, merged.History[^1].Type);
        Assert.Contains("Ana", merged.History[^1].Message, StringComparison.Ordinal);
        var closed = await store.GetAsync(duplicate.TicketId);
        Assert.NotNull(closed);
        Assert.Equal((TicketStatus.Closed, survivor.TicketId), (closed.Status, closed.MergedInto));
        Assert.Equal([TicketMerger.MergedHistoryType], closed.History.Select(e => e.Type));

        // Its keys: a replay of its record, and a later message of its thread, land on the survivor.
        var replay = await store.CreateAsync(Samples.Creation(externalId: "dup-msg-1"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var later = await store.CreateAsync(Samples.Creation(threadKey: "mail-thread-2"));
        var byNumber = await store.CreateAsync(Samples.Creation(threadKey: "ticket:" + duplicate.Number.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal((CreateOutcome.Duplicate, survivor.TicketId), (replay.Outcome, replay.TicketId));
        Assert.Equal((CreateOutcome.Threaded, survivor.TicketId), (later.Outcome, later.TicketId));
        Assert.Equal((CreateOutcome.Threaded, survivor.TicketId), (byNumber.Outcome, byNumber.TicketId));

        // Its index and view entries are gone; it is still listed as Closed.
        Assert.Empty(await ListAllAsync(store, new TicketQuery { Search = "xylophonic" }));
        Assert.Equal([survivor.Number], (await ListAllAsync(store, new TicketQuery { Search = "cannot" })).Select(t => t.Number));
        var after = await Views(store).CountViewsAsync(Ana, Time.GetUtcNow());
        Assert.Equal(before.Counts[TicketViews.Unassigned] - 1, after.Counts[TicketViews.Unassigned]);
        Assert.Equal(1, after.Counts[TicketViews.CustomerReplied]);
        Assert.Equal([duplicate.Number], (await ListAllAsync(store, new TicketQuery { Status = TicketStatus.Closed })).Select(t => t.Number));
    }

    [Fact]
    public async Task MergeAsync_SameActionKeyTwice_MergesOnceAndUnknownTicketsGiveNull()
    {
        var store = CreateStore();
        var survivor = await store.CreateAsync(Samples.Creation());
        var duplicate = await store.CreateAsync(Samples.Creation());
        var calls = 0;
        TicketMerge Merge(Ticket d, Ticket s)
        {
            calls++;
            return TicketMerger.Build(d, s, "Ana", Time.GetUtcNow()) with { ActionKey = "merge-1" };
        }

        var first = await store.MergeAsync(duplicate.TicketId, survivor.TicketId, Merge);
        var again = await store.MergeAsync(duplicate.TicketId, survivor.TicketId, Merge);

        Assert.NotNull(first);
        Assert.NotNull(again);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.History.Count, again.History.Count);
        Assert.Null(await store.MergeAsync("nosuchticket", survivor.TicketId, Merge));
        Assert.Null(await store.MergeAsync(duplicate.TicketId, "nosuchticket", Merge));
    }

    /// <summary>The views' counts <paramref name="store"/> keeps.</summary>
    protected virtual ITicketViews Views(ITicketStore store) => (ITicketViews)store;

    /// <summary>Creates a sample ticket shaped by <paramref name="shape"/>; returns it with its number.</summary>
    protected async Task<Ticket> CreateShapedAsync(ITicketStore store, Func<Ticket, Ticket> shape)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shape);
        var creation = Samples.Creation();
        creation = creation with { Ticket = shape(creation.Ticket) };
        var result = await store.CreateAsync(creation);
        return (await store.GetAsync(result.TicketId))!;
    }

    private static (long Mine, long Unassigned, long Replied, long AtRisk, long Breached, long Paid, long Trials, long Community) Tuple(ViewCounts views) => (
        views.Counts[TicketViews.Mine],
        views.Counts[TicketViews.Unassigned],
        views.Counts[TicketViews.CustomerReplied],
        views.Counts[TicketViews.AtRisk],
        views.Counts[TicketViews.Breached],
        views.Counts[TicketViews.DepartmentPrefix + Department.PaidSupport],
        views.Counts[TicketViews.DepartmentPrefix + Department.Trials],
        views.Counts[TicketViews.DepartmentPrefix + Department.Community]);
}
