using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Core.Tests.Leases;
using SyncHub.Domain;
using SyncHub.Leases;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Leases;

namespace SyncHub.Core.Tests.Pipeline;

public sealed class PollerServiceTests
{
    private const string SourceName = "Scripted";

    private static PipelineHarness CreateSut(ScriptedPollingSource source) => new(
        new Dictionary<string, string?>
        {
            ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.010",
            ["SyncHub:Pipeline:PollMaxRetryDelay"] = "00:00:00.050",
        },
        services =>
        {
            services.AddSingleton(source);
            services.AddSingleton(new PollingSourceDescriptor(
                SourceName,
                sp => new IntakePollTarget(source, sp.GetRequiredService<IIntakePipeline>(), sp.GetRequiredService<IDeadLetterStore>(), TimeProvider.System),
                _ => new AdapterOptions { PollInterval = TimeSpan.FromMilliseconds(20) }));
        });

    [Fact]
    public async Task Poll_PagesWithMore_StoresEveryRecordAndCommitsTheLastCursor()
    {
        var source = new ScriptedPollingSource(SourceName);
        source.Page(null, new IntakePage([Records.Web("p1-a", SourceName), Records.Web("p1-b", SourceName)], "c1", HasMore: true));
        source.Page("c1", new IntakePage([Records.Web("p2-a", SourceName)], "c2"));
        await using var harness = CreateSut(source);

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => harness.Checkpoints.GetAsync(SourceName).Result == "c2");
        await harness.StopAsync();

        // Newest first: page 2 was stored after page 1; a page's own records are stored concurrently, in any order.
        var ids = (await harness.Store.ListAsync(new TicketQuery())).Items.Select(t => t.ExternalId).ToArray();
        Assert.Equal("p2-a", ids[0]);
        Assert.Equal(["p1-a", "p1-b"], ids[1..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Poll_RecordsOfOneThreadInAPage_AreStoredInPageOrderSoTheFirstOpensTheTicket()
    {
        // A call and its transfer legs, or a mail and its replies, can arrive on one page: the
        // first record must open the ticket and the later ones thread onto it in order.
        var source = new ScriptedPollingSource(SourceName);
        var records = Enumerable.Range(1, 12)
            .Select(i => Records.Web($"leg-{i:D2}", SourceName) with { ThreadKey = "call:root" })
            .Append(Records.Web("other", SourceName))
            .ToList();
        source.Page(null, new IntakePage(records, "c1"));
        await using var harness = CreateSut(source);
        harness.Store.Hold();

        // The store holds the creations that reach it, then answers them newest first (as a busy Redis
        // may answer a burst): records of one thread must still land in page order.
        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => harness.Store.Entered >= 2);
        await harness.Store.ReleaseLastFirstAsync();
        await Eventually.WaitUntilAsync(() => harness.Checkpoints.GetAsync(SourceName).Result == "c1");
        await harness.StopAsync();

        var tickets = (await harness.Store.ListAsync(new TicketQuery())).Items;
        Assert.Equal(["leg-01", "other"], tickets.Select(t => t.ExternalId).Order(StringComparer.Ordinal));
        var call = await harness.Store.GetAsync(tickets.Single(t => t.ExternalId == "leg-01").Id);
        Assert.Equal(
            Enumerable.Range(2, 11).Select(i => $"leg-{i:D2}"),
            call!.History.Where(h => h.Type == HistoryTypes.Threaded).Select(h => (string)h.Data!["externalId"]!));
    }

    [Fact]
    public async Task Poll_StoreDownMidPage_HoldsTheCursorThenResumesWithoutDuplicates()
    {
        var source = new ScriptedPollingSource(SourceName);
        source.Page(null, new IntakePage([Records.Web("x-1", SourceName), Records.Web("x-2", SourceName)], "c1"));
        await using var harness = CreateSut(source);
        harness.Store.Down = true;

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => source.Requested.Count >= 3);
        Assert.Null(await harness.Checkpoints.GetAsync(SourceName));
        Assert.All(source.Requested, c => Assert.Null(c));

        harness.Store.Down = false;
        await Eventually.WaitUntilAsync(() => harness.Checkpoints.GetAsync(SourceName).Result == "c1");
        await harness.StopAsync();

        var page = await harness.Store.ListAsync(new TicketQuery());
        Assert.Equal(2, page.Items.Count);
        var state = harness.Get<PollerState>().Snapshot[SourceName];
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.NotNull(state.LastSuccessAt);
    }

    [Fact]
    public async Task Poll_FetchFails_RetriesFromTheSameCursorAndReportsTheFailure()
    {
        var source = new ScriptedPollingSource(SourceName);
        source.Page(null, new IntakePage([Records.Web("f-1", SourceName)], "c1"));
        source.FailNext(2);
        await using var harness = CreateSut(source);

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => harness.Checkpoints.GetAsync(SourceName).Result == "c1");
        await harness.StopAsync();

        Assert.True(source.Requested.Count >= 3);
        Assert.All(source.Requested.Take(3), c => Assert.Null(c));
        var ticket = Assert.Single((await harness.Store.ListAsync(new TicketQuery())).Items);
        Assert.Equal("f-1", ticket.ExternalId);
    }

    [Fact]
    public async Task Poll_ToolTimesOut_TheTimeoutIsRetriedLikeAnyFailure()
    {
        var source = new ScriptedPollingSource(SourceName);
        source.Page(null, new IntakePage([Records.Web("t-1", SourceName)], "c1"));
        source.FailNext(2, () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"));
        await using var harness = CreateSut(source);

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => harness.Checkpoints.GetAsync(SourceName).Result == "c1");
        await harness.StopAsync();

        Assert.True(source.Requested.Count >= 3);
        Assert.Single((await harness.Store.ListAsync(new TicketQuery())).Items);
    }

    [Fact]
    public async Task Poll_CommittedCursor_IsWhereTheNextPollStarts()
    {
        var source = new ScriptedPollingSource(SourceName);
        source.Page("saved", new IntakePage([Records.Web("s-1", SourceName)], "after-saved"));
        await using var harness = CreateSut(source);
        await harness.Checkpoints.SetAsync(SourceName, "saved");

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => harness.Checkpoints.GetAsync(SourceName).Result == "after-saved");
        await harness.StopAsync();

        Assert.Equal("saved", source.Requested.First());
    }

    [Fact]
    public async Task Poll_TwoInstancesOnOneStore_OnlyTheLeaseHolderPollsAndTheOtherContinuesFromItsCursorWhenItStops()
    {
        var source = new ScriptedPollingSource(SourceName);
        Pages(source, 0, 3);
        var shared = new SharedStores();
        var watch = new PollWatch();
        await using var a = CreateInstance("a", source, shared, watch);
        await using var b = CreateInstance("b", source, shared, watch);

        await a.StartAsync();
        await Eventually.WaitUntilAsync(() => shared.Checkpoints.GetAsync(SourceName).Result == "c3");
        await b.StartAsync();
        var polledBefore = watch.Polls.Count;
        await Eventually.WaitUntilAsync(() => watch.Polls.Count >= polledBefore + 15);

        Assert.Equal(0, watch.CountBy("b"));
        Assert.True(Lease(a).HoldsLease);
        Assert.False(Lease(b).HoldsLease);

        await a.StopAsync();
        var polledByA = watch.CountBy("a");
        Pages(source, 3, 6);
        await Eventually.WaitUntilAsync(() => shared.Checkpoints.GetAsync(SourceName).Result == "c6");
        Assert.True(Lease(b).HoldsLease);
        Assert.True(Lease(b).LeaseToken > 1);
        await b.StopAsync();

        Assert.Equal(polledByA, watch.CountBy("a"));
        Assert.Equal("c3", watch.Polls.First(p => p.Instance == "b").Cursor);
        Assert.Equal(1, watch.MaxInFlight);
        var pagesStored = watch.Polls.Where(p => p.Count > 0).Select(p => (p.Instance, p.Cursor ?? "")).ToArray();
        Assert.Equal([("a", ""), ("a", "c1"), ("a", "c2"), ("b", "c3"), ("b", "c4"), ("b", "c5")], pagesStored);
        var tickets = (await shared.Tickets.ListAsync(new TicketQuery { Limit = 100 })).Items;
        Assert.Equal(18, tickets.Count);
        Assert.Equal(18, tickets.Select(t => t.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task Poll_HolderCutOffFromTheLeaseStore_StopsPollingAtOnceAndTheOtherTakesOverAfterTheTtl()
    {
        var source = new ScriptedPollingSource(SourceName);
        Pages(source, 0, 2);
        var shared = new SharedStores();
        var watch = new PollWatch();
        var cutOff = new PartitionableLeaseStore(shared.Leases);
        await using var a = CreateInstance("a", source, shared, watch, cutOff, ttl: "00:00:01.500");
        await using var b = CreateInstance("b", source, shared, watch, ttl: "00:00:01.500");
        await a.StartAsync();
        await Eventually.WaitUntilAsync(() => shared.Checkpoints.GetAsync(SourceName).Result == "c2");
        await b.StartAsync();

        cutOff.Partitioned = true;
        await Eventually.WaitUntilAsync(() => !Lease(a).HoldsLease);
        var polledByA = watch.CountBy("a");
        Pages(source, 2, 4);
        await Eventually.WaitUntilAsync(() => shared.Checkpoints.GetAsync(SourceName).Result == "c4");
        await Eventually.WaitUntilAsync(() => Lease(a).ConsecutiveFailures > 0);

        Assert.Equal(polledByA, watch.CountBy("a"));
        Assert.StartsWith("lease: StoreUnavailableException", Lease(a).LastError, StringComparison.Ordinal);
        Assert.True(Lease(b).HoldsLease);
        Assert.Equal("c2", watch.Polls.First(p => p.Instance == "b").Cursor);
        var pagesStored = watch.Polls.Where(p => p.Count > 0).Select(p => (p.Instance, p.Cursor ?? "")).ToArray();
        Assert.Equal([("a", ""), ("a", "c1"), ("b", "c2"), ("b", "c3")], pagesStored);
        await b.StopAsync();
        await a.StopAsync();
    }

    [Fact]
    public async Task Poll_ALaterLeaseHolderHasCommitted_TheStaleCommitIsRefusedAndTheCursorStays()
    {
        var source = new ScriptedPollingSource(SourceName);
        source.Page("theirs", new IntakePage([Records.Web("t-1", SourceName)], "mine"));
        var shared = new SharedStores();
        await shared.Checkpoints.SetAsync(SourceName, "theirs", 1000);
        await using var harness = CreateInstance("a", source, shared, new PollWatch());

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => source.Requested.Count(c => c == "theirs") >= 2);
        await harness.StopAsync();

        Assert.Equal("theirs", await shared.Checkpoints.GetAsync(SourceName));
        Assert.DoesNotContain("mine", source.Requested);
    }

    [Fact]
    public async Task Stop_Holder_ReleasesTheLeaseForAnotherInstanceAtOnce()
    {
        var source = new ScriptedPollingSource(SourceName);
        var shared = new SharedStores();
        await using var harness = CreateInstance("a", source, shared, new PollWatch());
        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => Lease(harness).HoldsLease);
        var held = Lease(harness).LeaseToken;

        await harness.StopAsync();
        var next = await shared.Leases.TryAcquireAsync(PollerService.LeaseName(SourceName), "another-hub", TimeSpan.FromMinutes(1));

        Assert.NotNull(next);
        Assert.True(next.Token > held);
        Assert.False(Lease(harness).HoldsLease);
    }

    [Fact]
    public async Task Options_InvalidPipelineCapacity_FailsNamingTheFullKey()
    {
        var settings = new Dictionary<string, string?> { ["SyncHub:Pipeline:Capacity"] = "0" };
        await using var harness = new PipelineHarness(settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Get<IOptions<PipelineOptions>>().Value);

        Assert.Contains("SyncHub:Pipeline:Capacity", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One hub instance on the shared stores. The lease TTL is long enough that a loaded test machine does not hand the
    /// lease over by itself; tests that need it to expire cut the holder off (<see cref="PartitionableLeaseStore"/>).
    /// </summary>
    private static PipelineHarness CreateInstance(
        string instance, ScriptedPollingSource source, SharedStores shared, PollWatch watch, ILeaseStore? leases = null, string ttl = "00:00:05") => new(
        new Dictionary<string, string?>
        {
            ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.010",
            ["SyncHub:Pipeline:PollMaxRetryDelay"] = "00:00:00.050",
            ["SyncHub:Leases:Ttl"] = ttl,
            ["SyncHub:Leases:RenewEvery"] = "00:00:00.100",
        },
        services =>
        {
            services.AddSingleton<ITicketStore>(shared.Tickets);
            services.AddSingleton<ICheckpointStore>(shared.Checkpoints);
            services.AddSingleton(leases ?? shared.Leases);
            services.AddSingleton(new PollingSourceDescriptor(
                SourceName,
                sp => watch.Watch(new IntakePollTarget(source, sp.GetRequiredService<IIntakePipeline>(), sp.GetRequiredService<IDeadLetterStore>(), TimeProvider.System), instance),
                _ => new AdapterOptions { PollInterval = TimeSpan.FromMilliseconds(20) }));
        });

    /// <summary>Pages <c>c{from}</c> .. <c>c{to - 1}</c> (the first page of all at null), three records each, each leading to the next.</summary>
    private static void Pages(ScriptedPollingSource source, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var records = new[] { "a", "b", "c" }.Select(x => Records.Web($"r{i}-{x}", SourceName)).ToList();
            source.Page(i == 0 ? null : $"c{i}", new IntakePage(records, $"c{i + 1}", HasMore: i + 1 < to));
        }
    }

    private static PollerState.Status Lease(PipelineHarness harness) =>
        harness.Get<PollerState>().Snapshot.TryGetValue(SourceName, out var status) ? status : new PollerState.Status(null, null, 0);
}
