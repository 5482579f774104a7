using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

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
                sp => new IntakePollTarget(source, sp.GetRequiredService<IIntakePipeline>()),
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

        var page = await harness.Store.ListAsync(new TicketQuery());
        Assert.Equal(["p2-a", "p1-b", "p1-a"], page.Items.Select(t => t.ExternalId).ToArray());
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
    public async Task Options_InvalidPipelineCapacity_FailsNamingTheFullKey()
    {
        var settings = new Dictionary<string, string?> { ["SyncHub:Pipeline:Capacity"] = "0" };
        await using var harness = new PipelineHarness(settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Get<IOptions<PipelineOptions>>().Value);

        Assert.Contains("SyncHub:Pipeline:Capacity", error.Message, StringComparison.Ordinal);
    }
}
