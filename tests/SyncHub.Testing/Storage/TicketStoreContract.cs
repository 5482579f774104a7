using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Storage;
using Xunit;

namespace SyncHub.Testing.Storage;

/// <summary>
/// The behaviour every <see cref="ITicketStore"/> shares; subclass it once per store. Each test asks
/// <see cref="CreateStore"/> for a new, empty store.
/// </summary>
public abstract partial class TicketStoreContract
{
    private static readonly Channel[] Channels = Enum.GetValues<Channel>();

    protected TicketStoreContract()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero));
        Samples = new SampleRecords(Time);
    }

    protected FakeTimeProvider Time { get; }

    protected SampleRecords Samples { get; }

    [Fact]
    public async Task CreateAsync_NewRecords_AreCreatedWithNumbersFromTheFirst()
    {
        var store = CreateStore();
        var creation = Samples.Creation();

        var first = await store.CreateAsync(creation);
        var second = await store.CreateAsync(Samples.Creation());

        Assert.Equal(new CreateResult(creation.Ticket.Id, TicketNumbers.First, CreateOutcome.Created), first);
        Assert.Equal(CreateOutcome.Created, second.Outcome);
        Assert.Equal(TicketNumbers.First + 1, second.Number);
    }

    [Fact]
    public async Task CreateAsync_SameSourceAndExternalId_ReturnsDuplicateAndWritesNothing()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation(externalId: "msg-1"));
        var before = await store.GetAsync(first.TicketId);
        var outboxBefore = await ReadAllOutboxAsync(store);

        var replay = await store.CreateAsync(Samples.Creation(externalId: "msg-1"));

        Assert.Equal(new CreateResult(first.TicketId, first.Number, CreateOutcome.Duplicate), replay);
        var after = await store.GetAsync(first.TicketId);
        Assert.Equal(Json(before!), Json(after!));
        Assert.Equal(outboxBefore.Select(e => e.Position), (await ReadAllOutboxAsync(store)).Select(e => e.Position));
        Assert.Single(await ListAllAsync(store, new TicketQuery()));
    }

    [Fact]
    public async Task CreateAsync_SameExternalIdFromAnotherSource_CreatesAnotherTicket()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation(externalId: "42", source: "Email"));

        var second = await store.CreateAsync(Samples.Creation(externalId: "42", source: "Twitter"));

        Assert.Equal(CreateOutcome.Created, second.Outcome);
        Assert.NotEqual(first.TicketId, second.TicketId);
    }

    [Fact]
    public async Task CreateAsync_SixteenConcurrentCreationsOfOneRecord_CreateOneTicket()
    {
        var store = CreateStore();
        var creations = Enumerable.Range(0, 16).Select(_ => Samples.Creation(externalId: "call-42")).ToList();

        var results = await Task.WhenAll(creations.Select(c => Task.Run(() => store.CreateAsync(c))));

        Assert.Single(results, r => r.Outcome == CreateOutcome.Created);
        Assert.Equal(15, results.Count(r => r.Outcome == CreateOutcome.Duplicate));
        Assert.Single(results.Select(r => (r.TicketId, r.Number)).Distinct());
        Assert.Single(await ListAllAsync(store, new TicketQuery()));
        Assert.Single(await ReadAllOutboxAsync(store));
    }

    [Fact]
    public async Task CreateAsync_TwoHundredConcurrentDistinctRecords_GetConsecutiveNumbers()
    {
        var store = CreateStore();
        var creations = Enumerable.Range(0, 200).Select(_ => Samples.Creation()).ToList();

        var results = await Task.WhenAll(creations.Select(c => Task.Run(() => store.CreateAsync(c))));

        Assert.All(results, r => Assert.Equal(CreateOutcome.Created, r.Outcome));
        Assert.Equal(
            Enumerable.Range(0, 200).Select(i => TicketNumbers.First + i),
            results.Select(r => r.Number).Order());
        Assert.Equal(200, results.Select(r => r.TicketId).Distinct().Count());
    }

    [Fact]
    public async Task CreateAsync_RecordWithKnownThreadKey_AppendsThreadedEntryToThatTicket()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation(threadKey: "thread-7"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var followUp = Samples.Creation(threadKey: "thread-7", channel: Channel.Email);

        var result = await store.CreateAsync(followUp);

        Assert.Equal(new CreateResult(first.TicketId, first.Number, CreateOutcome.Threaded), result);
        var ticket = await store.GetAsync(first.TicketId);
        Assert.NotNull(ticket);
        var last = ticket.History[^1];
        Assert.Equal(HistoryTypes.Threaded, last.Type);
        Assert.Equal(followUp.ThreadedEntry.Message, last.Message);
        Assert.Equal(followUp.Ticket.ExternalId, last.Data!["externalId"]);
        Assert.Equal(4, ticket.History.Count);
        Assert.Equal(2, ticket.Version);
        Assert.Equal(followUp.ThreadedEntry.At, ticket.UpdatedAt);
        Assert.Null(await store.GetAsync(followUp.Ticket.Id));
        Assert.Single(await ListAllAsync(store, new TicketQuery()));
        Assert.Single(await ReadAllOutboxAsync(store));
    }

    [Fact]
    public async Task CreateAsync_WindowedThreadWithinTheWindowOnAnOpenTicket_Threads()
    {
        var store = CreateStore();
        var window = TimeSpan.FromHours(1);
        var first = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:1", threadWindow: window));
        Time.Advance(TimeSpan.FromMinutes(59));

        var second = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:1", threadWindow: window));

        Assert.Equal(CreateOutcome.Threaded, second.Outcome);
        Assert.Equal(first.TicketId, second.TicketId);
    }

    [Fact]
    public async Task CreateAsync_WindowedThreadAfterTheWindow_OpensANewTicketThatTakesTheThreadOver()
    {
        var store = CreateStore();
        var window = TimeSpan.FromHours(1);
        var first = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:2", threadWindow: window));
        Time.Advance(TimeSpan.FromMinutes(61));

        var second = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:2", threadWindow: window));
        Time.Advance(TimeSpan.FromMinutes(10));
        var third = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:2", threadWindow: window));

        Assert.Equal(CreateOutcome.Created, second.Outcome);
        Assert.NotEqual(first.TicketId, second.TicketId);
        Assert.Equal(CreateOutcome.Threaded, third.Outcome);
        Assert.Equal(second.TicketId, third.TicketId);
    }

    [Fact]
    public async Task CreateAsync_WindowedThreadOnAClosedTicket_OpensANewTicket()
    {
        var store = CreateStore();
        var window = TimeSpan.FromHours(1);
        var first = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:3", threadWindow: window));
        await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Status = TicketStatus.Closed }, [], []));
        Time.Advance(TimeSpan.FromMinutes(5));

        var second = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:3", threadWindow: window));

        Assert.Equal(CreateOutcome.Created, second.Outcome);
    }

    [Fact]
    public async Task CreateAsync_WindowedThreadWithinTheWindowOnASolvedTicket_ThreadsSoItCanReopen()
    {
        var store = CreateStore();
        var window = TimeSpan.FromHours(1);
        var first = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:4", threadWindow: window));
        await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Status = TicketStatus.Solved, SolvedAt = Time.GetUtcNow() }, [], []));
        Time.Advance(TimeSpan.FromMinutes(5));

        var second = await store.CreateAsync(Samples.Creation(threadKey: "fb:sender:4", threadWindow: window));

        Assert.Equal((CreateOutcome.Threaded, first.TicketId), (second.Outcome, second.TicketId));
    }

    [Theory]
    [InlineData(TicketStatus.Solved, 2, false)]
    [InlineData(TicketStatus.Solved, 8, true)]
    [InlineData(TicketStatus.Closed, 1, true)]
    public async Task CreateAsync_ConversationOnASolvedOrClosedTicket_ThreadsWithinTheReopenWindowElseFollowsItUp(TicketStatus status, int daysLater, bool followedUp)
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation(threadKey: $"mail:{status}-{daysLater}"));
        await store.UpdateAsync(first.TicketId, t => new TicketChange(t with { Status = status, SolvedAt = status == TicketStatus.Solved ? Time.GetUtcNow() : null }, [], []));
        Time.Advance(TimeSpan.FromDays(daysLater));

        var answer = await store.CreateAsync(Samples.Creation(threadKey: $"mail:{status}-{daysLater}") with { ReopenWindow = TimeSpan.FromDays(7) });

        if (followedUp)
        {
            Assert.Equal((CreateOutcome.Created, first.TicketId), (answer.Outcome, answer.FollowsUp));
            Time.Advance(TimeSpan.FromMinutes(1));
            var next = await store.CreateAsync(Samples.Creation(threadKey: $"mail:{status}-{daysLater}") with { ReopenWindow = TimeSpan.FromDays(7) });
            Assert.Equal((CreateOutcome.Threaded, answer.TicketId), (next.Outcome, next.TicketId));
        }
        else
        {
            Assert.Equal((CreateOutcome.Threaded, first.TicketId, null), (answer.Outcome, answer.TicketId, answer.FollowsUp));
        }
    }

    [Fact]
    public async Task UpdateAsync_SameActionKeyTwice_AppliesTheChangeOnce()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(Samples.Creation());
        TicketChange Reply(Ticket t) => new(t with { Assignee = "maria" }, [Samples.Note("reply")], [Samples.Updated(t, "reply")]) { ActionKey = "reply:key-1" };

        var once = await store.UpdateAsync(created.TicketId, Reply);
        var again = await store.UpdateAsync(created.TicketId, Reply);
        var other = await store.UpdateAsync(created.TicketId, t => Reply(t) with { ActionKey = "reply:key-2" });

        Assert.Equal(once!.Version, again!.Version);
        Assert.Equal(once.Version + 1, other!.Version);
        var ticket = (await store.GetAsync(created.TicketId))!;
        Assert.Equal(2, ticket.History.Count(h => h.Message == "reply"));
        Assert.Equal(3, (await ReadAllOutboxAsync(store)).Count);
    }

    [Fact]
    public async Task CreateAsync_ReplayOfThreadedRecord_ReturnsDuplicateOfThatTicket()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation(threadKey: "thread-8"));
        await store.CreateAsync(Samples.Creation(externalId: "reply-1", threadKey: "thread-8"));
        var before = await store.GetAsync(first.TicketId);

        var replay = await store.CreateAsync(Samples.Creation(externalId: "reply-1", threadKey: "thread-8"));

        Assert.Equal(new CreateResult(first.TicketId, first.Number, CreateOutcome.Duplicate), replay);
        Assert.Equal(Json(before!), Json((await store.GetAsync(first.TicketId))!));
    }

    [Fact]
    public async Task CreateAsync_ThreadKeyNamingAnExistingTicketNumber_ThreadsOntoThatTicket()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation());
        var second = await store.CreateAsync(Samples.Creation(threadKey: "thread-9"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var reply = Samples.Creation(threadKey: ThreadKeys.ForTicket(first.Number), channel: Channel.Email, source: "Email");

        var result = await store.CreateAsync(reply);

        Assert.Equal(new CreateResult(first.TicketId, first.Number, CreateOutcome.Threaded), result);
        var ticket = await store.GetAsync(first.TicketId);
        Assert.NotNull(ticket);
        Assert.Equal(HistoryTypes.Threaded, ticket.History[^1].Type);
        Assert.Equal(reply.Ticket.ExternalId, ticket.History[^1].Data!["externalId"]);
        Assert.Equal(2, ticket.Version);
        Assert.Equal(reply.ThreadedEntry.At, ticket.UpdatedAt);
        Assert.Equal(1, (await store.GetAsync(second.TicketId))!.Version);
        Assert.Null(await store.GetAsync(reply.Ticket.Id));
        Assert.Equal([second.Number, first.Number], (await ListAllAsync(store, new TicketQuery())).Select(t => t.Number));
        Assert.Equal(2, (await ReadAllOutboxAsync(store)).Count);
        Assert.Equal(
            new CreateResult(first.TicketId, first.Number, CreateOutcome.Duplicate),
            await store.CreateAsync(Samples.Creation(externalId: reply.Ticket.ExternalId, source: "Email", threadKey: ThreadKeys.ForTicket(first.Number))));
    }

    [Fact]
    public async Task CreateAsync_ThreadKeyNamingAnUnknownTicketNumber_CreatesANewTicket()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(Samples.Creation());
        var unknown = ThreadKeys.ForTicket(first.Number + 100);
        var creation = Samples.Creation(threadKey: unknown);

        var result = await store.CreateAsync(creation);

        Assert.Equal(new CreateResult(creation.Ticket.Id, first.Number + 1, CreateOutcome.Created), result);
        Assert.Equal(unknown, (await store.GetAsync(result.TicketId))!.ThreadKey);
        Assert.Equal(1, (await store.GetAsync(first.TicketId))!.Version);
        Assert.Equal(2, (await ListAllAsync(store, new TicketQuery())).Count);
    }

    [Fact]
    public async Task GetAsync_CreatedTicket_ReturnsItsFieldsAndHistoryInOrder()
    {
        var store = CreateStore();
        var creation = Samples.Creation(channel: Channel.Email, department: Department.PaidSupport, priority: Priority.High, sla: FullStamp());
        var created = await store.CreateAsync(creation);

        var ticket = await store.GetAsync(created.TicketId);

        Assert.NotNull(ticket);
        Assert.Equal(Json(creation.Ticket with { Number = created.Number }), Json(ticket with { History = [] }));
        Assert.Equal(creation.History.Select(h => (h.At, h.Type, h.Message)), ticket.History.Select(h => (h.At, h.Type, h.Message)));
        Assert.Equal(HistoryTypes.Created, ticket.History[0].Type);
        Assert.Equal("Email", ticket.History[0].Data!["channel"]);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        var store = CreateStore();
        await store.CreateAsync(Samples.Creation());

        Assert.Null(await store.GetAsync("0198f0c0a1b2c3d4e5f60718293a4b5c"));
    }

    [Fact]
    public async Task GetAsync_IdOfAnotherKeyOrEmpty_ReturnsNull()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(Samples.Creation());

        Assert.Null(await store.GetAsync(created.TicketId + ":history"));
        Assert.Null(await store.GetAsync(""));
        Assert.Null(await store.UpdateAsync(created.TicketId + ":history", t => new TicketChange(t, [], [])));
    }

    [Fact]
    public async Task GetByNumberAsync_CreatedTicket_ReturnsItWithHistory()
    {
        var store = CreateStore();
        await store.CreateAsync(Samples.Creation());
        var creation = Samples.Creation();
        var created = await store.CreateAsync(creation);

        var ticket = await store.GetByNumberAsync(created.Number);

        Assert.NotNull(ticket);
        Assert.Equal(created.TicketId, ticket.Id);
        Assert.Equal(created.Number, ticket.Number);
        Assert.Equal(creation.History.Count, ticket.History.Count);
    }

    [Fact]
    public async Task GetByNumberAsync_UnknownNumber_ReturnsNull()
    {
        var store = CreateStore();
        await store.CreateAsync(Samples.Creation());

        Assert.Null(await store.GetByNumberAsync(TicketNumbers.First + 1));
    }

    [Fact]
    public async Task ListAsync_NoFilter_ReturnsNewestFirst()
    {
        var store = CreateStore();
        var seeded = await SeedAsync(store, 5);

        var page = await store.ListAsync(new TicketQuery());

        Assert.Equal(seeded.Select(t => t.Number).Reverse(), page.Items.Select(t => t.Number));
        Assert.Equal(seeded[^1].Id, page.Items[0].Id);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData(Department.PaidSupport, null, null, null)]
    [InlineData(null, TicketStatus.Pending, null, null)]
    [InlineData(null, null, Priority.High, null)]
    [InlineData(null, null, null, Channel.Email)]
    [InlineData(Department.Trials, TicketStatus.Open, null, null)]
    [InlineData(Department.Community, null, Priority.Low, Channel.Phone)]
    [InlineData(Department.PaidSupport, TicketStatus.Solved, Priority.Medium, Channel.Twitter)]
    public async Task ListAsync_Filters_ReturnOnlyMatchingTicketsNewestFirst(Department? department, TicketStatus? status, Priority? priority, Channel? channel)
    {
        var store = CreateStore();
        var seeded = await SeedAsync(store, 96);
        var query = new TicketQuery { Department = department, Status = status, Priority = priority, Channel = channel, Limit = 4 };
        var expected = seeded
            .Where(t => (department is null || t.Department == department) && (status is null || t.Status == status) &&
                        (priority is null || t.Priority == priority) && (channel is null || t.Channel == channel))
            .Select(t => t.Number)
            .Reverse()
            .ToList();

        var listed = await ListAllAsync(store, query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_NothingMatches_ReturnsEmptyPageWithoutCursor()
    {
        var store = CreateStore();
        await SeedAsync(store, 6);

        var page = await store.ListAsync(new TicketQuery { Status = TicketStatus.Closed, Channel = Channel.Web });

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task ListAsync_PagingWithCursor_VisitsEveryTicketOnceAndEndsWithNullCursor()
    {
        var store = CreateStore();
        var seeded = await SeedAsync(store, 28);
        var pages = new List<TicketPage>();
        string? cursor = null;

        do
        {
            var page = await store.ListAsync(new TicketQuery { Limit = 7, Cursor = cursor });
            pages.Add(page);
            cursor = page.Next;
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal(4, pages.Count);
        Assert.All(pages, p => Assert.Equal(7, p.Items.Count));
        Assert.All(pages[..^1], p => Assert.Equal(TicketCursor.From(p.Items[^1].Number), p.Next));
        Assert.Null(pages[^1].Next);
        Assert.Equal(seeded.Select(t => t.Number).Reverse(), pages.SelectMany(p => p.Items).Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_ListedTickets_CarryTheirStoredFields()
    {
        var store = CreateStore();
        var creation = Samples.Creation(channel: Channel.AppReview, priority: Priority.Low);
        var created = await store.CreateAsync(creation);

        var listed = Assert.Single((await store.ListAsync(new TicketQuery())).Items);

        Assert.Equal(Json(creation.Ticket with { Number = created.Number }), Json(listed with { History = [] }));
    }

    [Theory]
    [InlineData(true, null, null)]
    [InlineData(false, null, null)]
    [InlineData(true, TicketStatus.Open, null)]
    [InlineData(false, TicketStatus.Pending, null)]
    [InlineData(true, null, Channel.Web)]
    [InlineData(false, null, Channel.Phone)]
    [InlineData(true, TicketStatus.Solved, Channel.Chat)]
    [InlineData(false, TicketStatus.Closed, Channel.Email)]
    public async Task ListAsync_BreachedFilter_ReturnsOnlyMatchingTicketsAcrossPages(bool breached, TicketStatus? status, Channel? channel)
    {
        var store = CreateStore();
        var seeded = await SeedAsync(store, 96, BreachedEvery);
        var query = new TicketQuery { Breached = breached, Status = status, Channel = channel, Limit = 3 };
        var expected = seeded
            .Where(t => SlaDeadlines.IsBreached(t) == breached && (status is null || t.Status == status) && (channel is null || t.Channel == channel))
            .Select(t => t.Number)
            .Reverse()
            .ToList();

        var listed = await ListAllAsync(store, query);

        Assert.True(expected.Count > query.Limit, "the filter should span pages");
        Assert.Equal(expected, listed.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_BreachedFilterWithPaging_GivesFullPagesAndCursorsOfTheirLastTicket()
    {
        var store = CreateStore();
        var seeded = await SeedAsync(store, 40, BreachedEvery);
        var expected = seeded.Where(SlaDeadlines.IsBreached).Select(t => t.Number).Reverse().ToList();

        var first = await store.ListAsync(new TicketQuery { Breached = true, Limit = 4 });
        var second = await store.ListAsync(new TicketQuery { Breached = true, Limit = 4, Cursor = first.Next });

        Assert.Equal(expected.Take(4), first.Items.Select(t => t.Number));
        Assert.Equal(TicketCursor.From(first.Items[^1].Number), first.Next);
        Assert.Equal(expected.Skip(4).Take(4), second.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task UpdateAsync_BreachFlagSetAndCleared_MovesTicketBetweenBreachedFilters()
    {
        var store = CreateStore();
        var watched = await store.CreateAsync(Samples.Creation(sla: FullStamp()));
        var other = await store.CreateAsync(Samples.Creation(sla: FullStamp()));
        Assert.Empty((await store.ListAsync(new TicketQuery { Breached = true })).Items);

        await store.UpdateAsync(watched.TicketId, t => new TicketChange(t with { Sla = t.Sla! with { ResolutionBreached = true } }, [], []));

        Assert.Equal([watched.Number], (await store.ListAsync(new TicketQuery { Breached = true })).Items.Select(t => t.Number));
        Assert.Equal([other.Number], (await store.ListAsync(new TicketQuery { Breached = false })).Items.Select(t => t.Number));

        await store.UpdateAsync(watched.TicketId, t => new TicketChange(t with { Sla = t.Sla! with { ResolutionBreached = false } }, [], []));

        Assert.Empty((await store.ListAsync(new TicketQuery { Breached = true })).Items);
        Assert.Equal([other.Number, watched.Number], (await store.ListAsync(new TicketQuery { Breached = false })).Items.Select(t => t.Number));
    }

    [Fact]
    public async Task CreateAsync_TicketStampedBreached_IsInTheBreachedFilter()
    {
        var store = CreateStore();
        var breached = await store.CreateAsync(Samples.Creation(sla: FullStamp() with { FirstResponseBreached = true }));
        var fine = await store.CreateAsync(Samples.Creation(sla: FullStamp()));
        var bestEffort = await store.CreateAsync(Samples.Creation());

        Assert.Equal([breached.Number], (await store.ListAsync(new TicketQuery { Breached = true })).Items.Select(t => t.Number));
        Assert.Equal([bestEffort.Number, fine.Number], (await store.ListAsync(new TicketQuery { Breached = false })).Items.Select(t => t.Number));
    }

    [Fact]
    public async Task ListAsync_MalformedCursor_ThrowsArgumentException()
    {
        var store = CreateStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new TicketQuery { Cursor = "next-please" }));
    }

    [Fact]
    public async Task UpdateAsync_StatusChange_MovesTicketBetweenStatusFilters()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(Samples.Creation());
        Time.Advance(TimeSpan.FromMinutes(10));

        var updated = await store.UpdateAsync(created.TicketId, t => new TicketChange(
            t with { Status = TicketStatus.Solved, UpdatedAt = Time.GetUtcNow() },
            [new HistoryEntry(Time.GetUtcNow(), HistoryTypes.StatusChanged, "Open -> Solved")],
            [Samples.Updated(t, "solved")]));

        Assert.NotNull(updated);
        Assert.Equal(TicketStatus.Solved, updated.Status);
        Assert.Empty((await store.ListAsync(new TicketQuery { Status = TicketStatus.Open })).Items);
        Assert.Equal([created.Number], (await store.ListAsync(new TicketQuery { Status = TicketStatus.Solved })).Items.Select(t => t.Number));
        var stored = await store.GetAsync(created.TicketId);
        Assert.Equal(Json(updated), Json(stored!));
        Assert.Equal(Time.GetUtcNow(), stored!.UpdatedAt);
        Assert.Equal(HistoryTypes.StatusChanged, stored.History[^1].Type);
    }

    [Fact]
    public async Task UpdateAsync_DepartmentAndPriorityChange_MovesTicketBetweenFilters()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(Samples.Creation(department: Department.Community, priority: Priority.Low));

        await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Department = Department.PaidSupport, Priority = Priority.High }, [], []));

        Assert.Empty((await store.ListAsync(new TicketQuery { Department = Department.Community })).Items);
        Assert.Empty((await store.ListAsync(new TicketQuery { Priority = Priority.Low })).Items);
        var moved = await store.ListAsync(new TicketQuery { Department = Department.PaidSupport, Priority = Priority.High });
        Assert.Equal([created.Number], moved.Items.Select(t => t.Number));
    }

    [Fact]
    public async Task UpdateAsync_Change_KeepsIdentityBumpsVersionAndWritesHistoryAndOutbox()
    {
        var store = CreateStore();
        var creation = Samples.Creation();
        var created = await store.CreateAsync(creation);
        var outboxBefore = await ReadAllOutboxAsync(store);
        OutboxEvent? sent = null;

        var updated = await store.UpdateAsync(created.TicketId, t =>
        {
            sent = Samples.Updated(t, "assigned");
            return new TicketChange(
                t with { Id = "other", Number = 1, Source = "Other", ExternalId = "other", Assignee = "maria" },
                [Samples.Note("Assigned to maria")],
                [sent]);
        });

        Assert.NotNull(updated);
        Assert.Equal((created.TicketId, created.Number, creation.Ticket.Source, creation.Ticket.ExternalId), (updated.Id, updated.Number, updated.Source, updated.ExternalId));
        Assert.Equal("maria", updated.Assignee);
        Assert.Equal(2, updated.Version);
        Assert.Equal([.. creation.History.Select(h => h.Type), HistoryTypes.Note], updated.History.Select(h => h.Type));
        Assert.Equal(Json(updated), Json((await store.GetAsync(created.TicketId))!));
        var outbox = await ReadAllOutboxAsync(store);
        Assert.Equal(outboxBefore.Count + 1, outbox.Count);
        Assert.Equal((sent!.Id, OutboxEventTypes.TicketUpdated, created.Number), (outbox[^1].Event.Id, outbox[^1].Event.Type, outbox[^1].Event.TicketNumber));
    }

    [Fact]
    public async Task UpdateAsync_TwentyParallelAppends_LoseNone()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(Samples.Creation());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            store.UpdateAsync(created.TicketId, t => new TicketChange(t, [Samples.Note($"note {i:D2}")], [Samples.Updated(t, $"note-{i}")])))));

        var ticket = await store.GetAsync(created.TicketId);
        Assert.NotNull(ticket);
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => $"note {i:D2}"),
            ticket.History.Where(h => h.Type == HistoryTypes.Note).Select(h => h.Message).Order(StringComparer.Ordinal));
        Assert.Equal(21, ticket.Version);
        Assert.Equal(21, (await ReadAllOutboxAsync(store)).Count);
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsNull_ReturnsTicketUnchanged()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(Samples.Creation());
        var before = await store.GetAsync(created.TicketId);

        var result = await store.UpdateAsync(created.TicketId, _ => null);

        Assert.Equal(Json(before!), Json(result!));
        Assert.Equal(Json(before!), Json((await store.GetAsync(created.TicketId))!));
        Assert.Single(await ReadAllOutboxAsync(store));
    }

    [Fact]
    public async Task UpdateAsync_UnknownId_ReturnsNullWithoutComputingAChange()
    {
        var store = CreateStore();
        var called = false;

        var result = await store.UpdateAsync("0198f0c0a1b2c3d4e5f60718293a4b5c", t =>
        {
            called = true;
            return new TicketChange(t, [], []);
        });

        Assert.Null(result);
        Assert.False(called);
    }

    [Fact]
    public async Task DueAsync_NoTicketsOrBestEffortOnly_ReturnsNothing()
    {
        var store = CreateStore();
        Assert.Empty(await store.DueAsync(DateTimeOffset.MaxValue, 100));

        await store.CreateAsync(Samples.Creation());

        Assert.Empty(await store.DueAsync(DateTimeOffset.MaxValue, 100));
    }

    [Fact]
    public async Task DueAsync_LiveDeadlines_ReturnsThemEarliestFirstAcrossKinds()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var gold = await store.CreateAsync(Samples.Creation(sla: FullStamp()));
        var silver = await store.CreateAsync(Samples.Creation(sla: new SlaStamp
        {
            Policy = "silver-high",
            FirstResponseAtRiskAt = now.AddMinutes(45),
            FirstResponseDueAt = now.AddMinutes(60),
        }));
        await store.CreateAsync(Samples.Creation());

        var due = await store.DueAsync(now.AddDays(1), 100);

        SlaDeadline[] expected =
        [
            new(gold.TicketId, SlaDeadlineKind.FirstResponseAtRisk, now.AddMinutes(20)),
            new(gold.TicketId, SlaDeadlineKind.FirstResponse, now.AddMinutes(30)),
            new(silver.TicketId, SlaDeadlineKind.FirstResponseAtRisk, now.AddMinutes(45)),
            new(silver.TicketId, SlaDeadlineKind.FirstResponse, now.AddMinutes(60)),
            new(gold.TicketId, SlaDeadlineKind.ResolutionAtRisk, now.AddHours(6)),
            new(gold.TicketId, SlaDeadlineKind.Resolution, now.AddHours(8)),
        ];
        Assert.Equal(expected, due);
    }

    [Fact]
    public async Task DueAsync_Until_ReturnsOnlyDeadlinesAtOrBeforeIt()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var created = await store.CreateAsync(Samples.Creation(sla: FullStamp()));

        Assert.Empty(await store.DueAsync(now, 100));
        Assert.Empty(await store.DueAsync(now.AddMinutes(20).AddMilliseconds(-1), 100));
        Assert.Equal(
            [new SlaDeadline(created.TicketId, SlaDeadlineKind.FirstResponseAtRisk, now.AddMinutes(20))],
            await store.DueAsync(now.AddMinutes(20), 100));
        Assert.Equal(
            [SlaDeadlineKind.FirstResponseAtRisk, SlaDeadlineKind.FirstResponse],
            (await store.DueAsync(now.AddHours(6).AddTicks(-1), 100)).Select(d => d.Kind));
        Assert.Equal(4, (await store.DueAsync(now.AddHours(8), 100)).Count);
    }

    [Fact]
    public async Task DueAsync_Count_ReturnsTheEarliestAcrossTheKinds()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // At risk at +5, +15, +25 minutes; due at +20, +30, +40.
            var created = await store.CreateAsync(Samples.Creation(sla: new SlaStamp
            {
                Policy = "gold-high",
                FirstResponseAtRiskAt = now.AddMinutes(5 + (10 * i)),
                FirstResponseDueAt = now.AddMinutes(20 + (10 * i)),
            }));
            ids.Add(created.TicketId);
        }

        var three = await store.DueAsync(now.AddDays(1), 3);
        var one = await store.DueAsync(now.AddDays(1), 1);

        Assert.Equal(
            [
                new SlaDeadline(ids[0], SlaDeadlineKind.FirstResponseAtRisk, now.AddMinutes(5)),
                new SlaDeadline(ids[1], SlaDeadlineKind.FirstResponseAtRisk, now.AddMinutes(15)),
                new SlaDeadline(ids[0], SlaDeadlineKind.FirstResponse, now.AddMinutes(20)),
            ],
            three);
        Assert.Equal([three[0]], one);
        Assert.Equal(6, (await store.DueAsync(now.AddDays(1), 100)).Count);
        Assert.Empty(await store.DueAsync(now.AddDays(1), 0));
    }

    public static TheoryData<string, SlaDeadlineKind[]> LiveAfterChange => new()
    {
        { "assigned", [SlaDeadlineKind.FirstResponseAtRisk, SlaDeadlineKind.FirstResponse, SlaDeadlineKind.ResolutionAtRisk, SlaDeadlineKind.Resolution] },
        { "first-responded", [SlaDeadlineKind.ResolutionAtRisk, SlaDeadlineKind.Resolution] },
        { "first-response-warned", [SlaDeadlineKind.FirstResponse, SlaDeadlineKind.ResolutionAtRisk, SlaDeadlineKind.Resolution] },
        { "first-response-breached", [SlaDeadlineKind.ResolutionAtRisk, SlaDeadlineKind.Resolution] },
        { "resolution-warned", [SlaDeadlineKind.FirstResponseAtRisk, SlaDeadlineKind.FirstResponse, SlaDeadlineKind.Resolution] },
        { "resolution-breached", [SlaDeadlineKind.FirstResponseAtRisk, SlaDeadlineKind.FirstResponse] },
        { "paused", [] },
        { "solved", [] },
        { "closed", [] },
    };

    [Theory]
    [MemberData(nameof(LiveAfterChange))]
    public async Task DueAsync_AfterAnUpdate_ReturnsExactlyTheLiveDeadlines(string change, SlaDeadlineKind[] live)
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var created = await store.CreateAsync(Samples.Creation(sla: FullStamp()));
        var other = await store.CreateAsync(Samples.Creation(sla: FullStamp()));

        await store.UpdateAsync(created.TicketId, t => new TicketChange(SlaSamples.Apply(t, change, now), [], []));

        var due = await store.DueAsync(now.AddDays(1), 100);
        Assert.Equal(live, due.Where(d => d.TicketId == created.TicketId).Select(d => d.Kind));
        Assert.Equal(4, due.Count(d => d.TicketId == other.TicketId));
        var updated = await store.GetAsync(created.TicketId);
        Assert.Equal(SlaDeadlines.Live(updated!).Select(d => (d.Kind, d.At)).OrderBy(d => d.At), due.Where(d => d.TicketId == created.TicketId).Select(d => (d.Kind, d.At)));
    }

    [Fact]
    public async Task DueAsync_PausedTicketResumed_ComesBackWithItsShiftedInstants()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        var created = await store.CreateAsync(Samples.Creation(sla: FullStamp()));
        await store.UpdateAsync(created.TicketId, t => new TicketChange(SlaSamples.Apply(t, "paused", now), [], []));
        Assert.Empty(await store.DueAsync(DateTimeOffset.MaxValue, 100));
        var shift = TimeSpan.FromHours(2);
        Time.Advance(shift);

        await store.UpdateAsync(created.TicketId, t => new TicketChange(SlaSamples.Apply(t, "resumed", Time.GetUtcNow()), [], []));

        Assert.Equal(
            [
                new SlaDeadline(created.TicketId, SlaDeadlineKind.FirstResponseAtRisk, now.AddMinutes(20) + shift),
                new SlaDeadline(created.TicketId, SlaDeadlineKind.FirstResponse, now.AddMinutes(30) + shift),
            ],
            await store.DueAsync(now.AddMinutes(30) + shift, 100));
        Assert.Empty(await store.DueAsync(now.AddMinutes(30), 100));
    }

    [Fact]
    public async Task ReadOutboxAsync_AfterCreations_ReturnsEventsInOrderWithAssignedNumbers()
    {
        var store = CreateStore();
        var creations = Enumerable.Range(0, 3).Select(_ => Samples.Creation()).ToList();
        var results = new List<CreateResult>();
        foreach (var creation in creations)
        {
            results.Add(await store.CreateAsync(creation));
        }

        var all = await store.ReadOutboxAsync(null, 100);

        Assert.Equal(results.Select(r => (r.TicketId, r.Number)), all.Select(e => (e.Event.TicketId, e.Event.TicketNumber)));
        Assert.Equal(creations.Select(c => c.Outbox[0].Id), all.Select(e => e.Event.Id));
        Assert.All(all, e => Assert.Equal(OutboxEventTypes.TicketCreated, e.Event.Type));
        Assert.Equal(creations[0].Outbox[0].Data["source"], all[0].Event.Data["source"]);
        Assert.Equal(creations[0].Outbox[0].CreatedAt, all[0].Event.CreatedAt);
    }

    [Fact]
    public async Task ReadOutboxAsync_AfterAPosition_ReturnsOnlyLaterEventsUpToCount()
    {
        var store = CreateStore();
        for (var i = 0; i < 4; i++)
        {
            await store.CreateAsync(Samples.Creation());
        }

        var all = await store.ReadOutboxAsync(null, 100);
        var firstTwo = await store.ReadOutboxAsync(null, 2);
        var afterFirst = await store.ReadOutboxAsync(all[0].Position, 100);
        var afterLast = await store.ReadOutboxAsync(all[^1].Position, 100);

        Assert.Equal(4, all.Count);
        Assert.Equal(all.Take(2).Select(e => e.Position), firstTwo.Select(e => e.Position));
        Assert.Equal(all.Skip(1).Select(e => e.Position), afterFirst.Select(e => e.Position));
        Assert.Empty(afterLast);
    }

    [Fact]
    public async Task PingAsync_StoreReachable_ReturnsTrue()
    {
        var store = CreateStore();

        Assert.True(await store.PingAsync());
    }

    /// <summary>A new, empty store.</summary>
    [Fact]
    public async Task CountAsync_EmptyStore_EveryStatusAndDepartmentIsZero()
    {
        var store = CreateStore();

        var counts = await Counts(store).CountAsync(Time.GetUtcNow());

        Assert.Equal(Enum.GetValues<TicketStatus>().Select(s => (s, 0L)), counts.ByStatus.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        Assert.Equal(Enum.GetValues<Department>().Select(d => (d, 0L)), counts.ByDepartment.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        Assert.Equal((0L, 0L, 0L), (counts.FirstResponseAtRisk, counts.ResolutionAtRisk, counts.Breached));
    }

    [Fact]
    public async Task CountAsync_Tickets_AreCountedByStatusDepartmentAtRiskAndBreached()
    {
        var store = CreateStore();
        var now = Time.GetUtcNow();
        await store.CreateAsync(Samples.Creation(department: Department.PaidSupport, sla: SlaSamples.Running(now)));
        await store.CreateAsync(Samples.Creation(department: Department.PaidSupport, sla: SlaSamples.Running(now) with { FirstResponseBreached = true }));
        await store.CreateAsync(Samples.Creation(department: Department.Trials, status: TicketStatus.Pending));
        var solved = await store.CreateAsync(Samples.Creation(sla: SlaSamples.Running(now)));
        await store.UpdateAsync(solved.TicketId, t => new TicketChange(t with { Status = TicketStatus.Solved, SolvedAt = now }, [], []));

        // 25 minutes in: the first ticket's first response is past its at-risk instant (20 min), not due (30 min).
        var firstResponseAtRisk = await Counts(store).CountAsync(now.AddMinutes(25));

        // 7 hours in: both open tickets' resolutions are at risk (6 h), not due (8 h); no first response is live any more.
        var resolutionAtRisk = await Counts(store).CountAsync(now.AddHours(7));

        Assert.Equal((2L, 1L, 1L, 0L), (firstResponseAtRisk.ByStatus[TicketStatus.Open], firstResponseAtRisk.ByStatus[TicketStatus.Pending], firstResponseAtRisk.ByStatus[TicketStatus.Solved], firstResponseAtRisk.ByStatus[TicketStatus.Closed]));
        Assert.Equal((2L, 1L, 1L), (firstResponseAtRisk.ByDepartment[Department.PaidSupport], firstResponseAtRisk.ByDepartment[Department.Trials], firstResponseAtRisk.ByDepartment[Department.Community]));
        Assert.Equal((1L, 0L, 1L), (firstResponseAtRisk.FirstResponseAtRisk, firstResponseAtRisk.ResolutionAtRisk, firstResponseAtRisk.Breached));
        Assert.Equal((0L, 2L, 1L), (resolutionAtRisk.FirstResponseAtRisk, resolutionAtRisk.ResolutionAtRisk, resolutionAtRisk.Breached));
    }

    /// <summary>The counts <paramref name="store"/> keeps: the store itself unless it keeps them beside it.</summary>
    protected virtual ITicketCounts Counts(ITicketStore store) => (ITicketCounts)store;

    protected abstract ITicketStore CreateStore();

    /// <summary>A running 24x7 stamp from now (<see cref="SlaSamples.Running"/>).</summary>
    protected SlaStamp FullStamp() => SlaSamples.Running(Time.GetUtcNow());

    /// <summary>A stamp for the <paramref name="i"/>th seeded ticket: some best effort, some breached on one target or both.</summary>
    protected SlaStamp? BreachedEvery(int i) => (i % 5) switch
    {
        1 => null,
        _ => FullStamp() with { FirstResponseBreached = i % 4 == 0, ResolutionBreached = i % 7 == 0 },
    };

    /// <summary>A ticket as the API would show it, for comparing whole tickets.</summary>
    protected static string Json(Ticket ticket) => JsonSerializer.Serialize(ticket, SyncHubJson.Options);

    protected static async Task<List<OutboxEntry>> ReadAllOutboxAsync(ITicketStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<OutboxEntry>();
        string? after = null;
        while (true)
        {
            var page = await store.ReadOutboxAsync(after, 100);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            after = page[^1].Position;
        }
    }

    protected static async Task<List<Ticket>> ListAllAsync(ITicketStore store, TicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<Ticket>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(query with { Cursor = cursor });
            all.AddRange(page.Items);
            cursor = page.Next;
            Assert.True(++pages < 10_000, "paging did not end");
        }
        while (cursor is not null);

        return all;
    }

    /// <summary>
    /// Creates <paramref name="count"/> tickets cycling through departments, statuses, priorities and channels,
    /// with the SLA stamp <paramref name="sla"/> gives the ith (none by default).
    /// </summary>
    protected async Task<List<Ticket>> SeedAsync(ITicketStore store, int count, Func<int, SlaStamp?>? sla = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var seeded = new List<Ticket>(count);
        for (var i = 0; i < count; i++)
        {
            var creation = Samples.Creation(
                department: (Department)(i % 3),
                status: (TicketStatus)(i / 3 % 4),
                priority: (Priority)(i / 12 % 3),
                channel: Channels[i % Channels.Length],
                sla: sla?.Invoke(i));
            var result = await store.CreateAsync(creation);
            seeded.Add(creation.Ticket with { Number = result.Number });
        }

        return seeded;
    }
}
