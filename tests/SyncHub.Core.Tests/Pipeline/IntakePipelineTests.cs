using SyncHub.Pipeline;
using SyncHub.Testing.Doubles;

namespace SyncHub.Core.Tests.Pipeline;

public sealed class IntakePipelineTests
{
    private static Dictionary<string, string?> Small(int capacity, int workers) => new()
    {
        ["SyncHub:Pipeline:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SyncHub:Pipeline:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SyncHub:Pipeline:WebhookEnqueueTimeout"] = "00:00:00.050",
    };

    [Fact]
    public async Task SubmitAsync_NewRecord_CompletesAfterTheTicketIsStored()
    {
        await using var harness = new PipelineHarness();
        await harness.StartAsync();

        var result = await harness.Pipeline.SubmitAsync(Records.Web("a-1"));

        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        var stored = await harness.Store.GetAsync(result.TicketId!);
        Assert.NotNull(stored);
        Assert.Equal(result.Number, stored.Number);
        await harness.StopAsync();
    }

    [Fact]
    public async Task SubmitAsync_SameRecordTwice_SecondIsDuplicateOfTheSameTicket()
    {
        await using var harness = new PipelineHarness();
        await harness.StartAsync();

        var first = await harness.Pipeline.SubmitAsync(Records.Web("a-1"));
        var second = await harness.Pipeline.SubmitAsync(Records.Web("a-1"));

        Assert.Equal(IntakeOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.TicketId, second.TicketId);
        Assert.Equal(first.Number, second.Number);
        await harness.StopAsync();
    }

    [Fact]
    public async Task SubmitAsync_ChannelFull_HoldsTheProducerUntilThereIsRoom()
    {
        await using var harness = new PipelineHarness(Small(capacity: 1, workers: 1));
        await harness.StartAsync();
        harness.Store.Close();

        var inStore = harness.Pipeline.SubmitAsync(Records.Web("r-1"));
        await Eventually.WaitUntilAsync(() => harness.Store.Entered == 1);
        var queued = harness.Pipeline.SubmitAsync(Records.Web("r-2"));
        var held = harness.Pipeline.SubmitAsync(Records.Web("r-3"));

        await Task.Delay(100);
        Assert.False(held.IsCompleted);
        Assert.Equal(1, harness.Pipeline.Depth);

        harness.Store.Open();
        var results = await Task.WhenAll(inStore, queued, held);
        Assert.All(results, r => Assert.Equal(IntakeOutcome.Created, r.Outcome));
        Assert.Equal(3, results.Select(r => r.Number).Distinct().Count());
        await harness.StopAsync();
    }

    [Fact]
    public async Task TrySubmitAsync_ChannelStaysFull_ReturnsNullWithoutStoring()
    {
        await using var harness = new PipelineHarness(Small(capacity: 1, workers: 1));
        await harness.StartAsync();
        harness.Store.Close();
        var inStore = harness.Pipeline.SubmitAsync(Records.Web("r-1"));
        await Eventually.WaitUntilAsync(() => harness.Store.Entered == 1);
        var queued = harness.Pipeline.SubmitAsync(Records.Web("r-2"));

        var refused = await harness.Pipeline.TrySubmitAsync(Records.Web("r-3"));

        Assert.Null(refused);
        harness.Store.Open();
        await Task.WhenAll(inStore, queued);
        var page = await harness.Store.ListAsync(new SyncHub.Storage.TicketQuery());
        Assert.DoesNotContain(page.Items, t => t.ExternalId == "r-3");
        await harness.StopAsync();
    }

    [Fact]
    public async Task StopAsync_WithQueuedRecords_DrainsEverythingAccepted()
    {
        await using var harness = new PipelineHarness(Small(capacity: 200, workers: 4));
        await harness.StartAsync();
        harness.Store.Close();
        var submissions = Enumerable.Range(0, 150).Select(i => harness.Pipeline.SubmitAsync(Records.Web($"d-{i}"))).ToList();
        await Eventually.WaitUntilAsync(() => harness.Pipeline.Depth + harness.Store.Entered == 150);

        var stopping = harness.Pipeline.StopAsync(CancellationToken.None);
        await Assert.ThrowsAsync<PipelineStoppedException>(() => harness.Pipeline.SubmitAsync(Records.Web("late")));
        harness.Store.Open();
        await stopping;

        var results = await Task.WhenAll(submissions);
        Assert.All(results, r => Assert.Equal(IntakeOutcome.Created, r.Outcome));
        var page = await harness.Store.ListAsync(new SyncHub.Storage.TicketQuery { Limit = 200 });
        Assert.Equal(150, page.Items.Count);
        Assert.False(harness.Pipeline.IsRunning);
    }

    [Fact]
    public async Task SubmitAsync_CallerAlreadyGaveUp_ThrowsCanceledAndQueuesNothing()
    {
        await using var harness = new PipelineHarness();
        await harness.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Pipeline.SubmitAsync(Records.Web("gave-up"), cancelled.Token));
        var stored = await harness.Pipeline.SubmitAsync(Records.Web("kept"));

        var page = await harness.Store.ListAsync(new SyncHub.Storage.TicketQuery { Limit = 10 });
        Assert.Equal([stored.TicketId], page.Items.Select(t => t.Id));
        await harness.StopAsync();
    }

    [Fact]
    public async Task SubmitAsync_StoreDown_ThrowsStoreUnavailableAndDeadLettersNothing()
    {
        await using var harness = new PipelineHarness();
        await harness.StartAsync();
        harness.Store.Down = true;

        await Assert.ThrowsAsync<SyncHub.Storage.StoreUnavailableException>(() => harness.Pipeline.SubmitAsync(Records.Web("down-1")));

        Assert.Equal(0, await harness.DeadLetters.CountAsync());
        harness.Store.Down = false;
        var retried = await harness.Pipeline.SubmitAsync(Records.Web("down-1"));
        Assert.Equal(IntakeOutcome.Created, retried.Outcome);
        await harness.StopAsync();
    }

    [Fact]
    public async Task SubmitAsync_InvalidRecord_IsDeadLetteredWithTheReason()
    {
        await using var harness = new PipelineHarness();
        await harness.StartAsync();

        var result = await harness.Pipeline.SubmitAsync(Records.Web(new string('x', 600)));

        Assert.Equal(IntakeOutcome.DeadLettered, result.Outcome);
        var letters = await harness.DeadLetters.ListAsync(10);
        var letter = Assert.Single(letters);
        Assert.Equal("WebForm", letter.Source);
        Assert.Contains("longer than 512", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("Ana Souza", letter.Payload, StringComparison.Ordinal);
        await harness.StopAsync();
    }
}
