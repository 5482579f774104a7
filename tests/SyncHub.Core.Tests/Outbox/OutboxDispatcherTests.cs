using Microsoft.Extensions.DependencyInjection;
using SyncHub.Adapters;
using SyncHub.Core.Tests.Pipeline;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static PipelineHarness CreateSut(INotifier notifier, string maxAttempts = "5") => new(
        new Dictionary<string, string?>
        {
            ["SyncHub:Outbox:PollInterval"] = "00:00:00.010",
            ["SyncHub:Outbox:RetryDelay"] = "00:00:00.005",
            ["SyncHub:Outbox:MaxRetryDelay"] = "00:00:00.020",
            ["SyncHub:Outbox:ClaimIdle"] = "00:00:00.200",
            ["SyncHub:Outbox:MaxAttempts"] = maxAttempts,
            ["SyncHub:Outbox:PauseProbeInterval"] = "00:00:00.050",
        },
        services => services.AddSingleton(notifier));

    [Fact]
    public async Task Dispatch_TicketCreated_DeliversTheEventOnceWithItsTicketNumber()
    {
        var notifier = new RecordingNotifier();
        await using var harness = CreateSut(notifier);
        await harness.StartAsync();

        var created = await harness.Pipeline.SubmitAsync(Records.Web("o-1"));
        await Eventually.WaitUntilAsync(() => !notifier.Sent.IsEmpty);
        await harness.StopAsync();

        var evt = Assert.Single(notifier.Sent);
        Assert.Equal(OutboxEventTypes.TicketCreated, evt.Type);
        Assert.Equal(created.Number, evt.TicketNumber);
        Assert.Equal(0, await harness.Get<IOutboxQueue>().LagAsync(OutboxDispatcher.GroupOf(notifier)));
        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        var entry = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Notification);
        Assert.Equal(("delivered", "Recorder", evt.Id), (entry.Data!["status"], entry.Data["notifier"], entry.Data["eventId"]));
    }

    [Fact]
    public async Task Dispatch_NotifierFailsForAWhile_DeliversEveryEventOnceInOrderPerTicket()
    {
        var notifier = new RecordingNotifier("Recorder", "note");
        notifier.FailNext(3);
        await using var harness = CreateSut(notifier, maxAttempts: "50");
        await harness.StartAsync();
        var ticket = await harness.Pipeline.SubmitAsync(Records.Web("o-2"));

        for (var i = 1; i <= 5; i++)
        {
            var n = i;
            await harness.Store.UpdateAsync(ticket.TicketId!, t => new TicketChange(t, [], [Note(t, n)]));
        }

        await Eventually.WaitUntilAsync(() => notifier.Sent.Count == 5);
        await harness.StopAsync();

        Assert.Equal(["1", "2", "3", "4", "5"], notifier.Sent.Select(e => e.Data["n"]).ToArray());
        Assert.Equal(8, notifier.Attempts);
    }

    [Fact]
    public async Task Dispatch_NotifierKeepsFailing_DeadLettersAfterMaxAttemptsAndMovesOn()
    {
        var notifier = new RecordingNotifier();
        notifier.FailNext(3);
        await using var harness = CreateSut(notifier, maxAttempts: "3");
        await harness.StartAsync();

        await harness.Pipeline.SubmitAsync(Records.Web("o-3"));
        await Eventually.WaitUntilAsync(() => harness.DeadLetters.CountAsync().Result == 1);
        await harness.Pipeline.SubmitAsync(Records.Web("o-4"));
        await Eventually.WaitUntilAsync(() => notifier.Sent.Count == 1);
        await harness.StopAsync();

        var letter = Assert.Single(await harness.DeadLetters.ListAsync(10));
        Assert.Equal("outbox:Recorder", letter.Source);
        var failedTicket = (await harness.Store.ListAsync(new TicketQuery())).Items.Single(t => t.ExternalId == "o-3");
        var failed = Assert.Single((await harness.Store.GetAsync(failedTicket.Id))!.History, h => h.Type == HistoryTypes.Notification);
        Assert.Equal("failed", failed.Data!["status"]);
        Assert.Contains("3 failed deliveries", letter.Reason, StringComparison.Ordinal);
        Assert.Equal("o-4", (await harness.Store.GetAsync(notifier.Sent.Single().TicketId))!.ExternalId);
    }

    [Fact]
    public async Task Dispatch_NotifierSaysPermanent_DeadLettersAtOnceWithTheToolsReason()
    {
        var notifier = new RecordingNotifier { Failure = () => new DeliveryException(DeliveryFailureKind.Permanent, "room 'nowhere' does not exist") };
        notifier.FailNext(1);
        await using var harness = CreateSut(notifier, maxAttempts: "50");
        await harness.StartAsync();

        await harness.Pipeline.SubmitAsync(Records.Web("o-perm"));
        await Eventually.WaitUntilAsync(() => harness.DeadLetters.CountAsync().Result == 1);
        await harness.StopAsync();

        Assert.Equal(1, notifier.Attempts);
        var letter = Assert.Single(await harness.DeadLetters.ListAsync(10));
        Assert.Contains("room 'nowhere' does not exist", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_NotifierNamesARetryAfter_WaitsThatLongBeforeTheNextAttempt()
    {
        var notifier = new RecordingNotifier { Failure = () => new DeliveryException(DeliveryFailureKind.Transient, "rate limited", TimeSpan.FromMilliseconds(400)) };
        notifier.FailNext(1);
        await using var harness = CreateSut(notifier, maxAttempts: "5");
        await harness.StartAsync();

        await harness.Pipeline.SubmitAsync(Records.Web("o-later"));
        await Eventually.WaitUntilAsync(() => notifier.Attempts == 1);
        var failedAt = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.WaitUntilAsync(() => notifier.Sent.Count == 1);
        await harness.StopAsync();

        // The configured backoff is 5 ms; the tool's 400 ms wins.
        Assert.True(failedAt.Elapsed >= TimeSpan.FromMilliseconds(300), $"retried after {failedAt.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(2, notifier.Attempts);
    }

    [Fact]
    public async Task Dispatch_EventAConsumerTookAndNeverAcknowledged_IsClaimedAndDelivered()
    {
        var notifier = new RecordingNotifier();
        await using var harness = CreateSut(notifier);
        var queue = harness.Get<IOutboxQueue>();
        var group = OutboxDispatcher.GroupOf(notifier);
        await harness.Store.CreateAsync(SampleCreation("crashed"));
        var taken = await queue.ReadAsync(group, "instance-that-died", 10);
        Assert.Single(taken);

        await harness.StartAsync();
        await Eventually.WaitUntilAsync(() => !notifier.Sent.IsEmpty);
        await harness.StopAsync();

        Assert.Equal(taken[0].Event.Id, Assert.Single(notifier.Sent).Id);
        Assert.Equal(0, await queue.LagAsync(group));
    }

    [Fact]
    public async Task Dispatch_EventTheNotifierDoesNotHandle_IsAcknowledgedWithoutSending()
    {
        var notifier = new RecordingNotifier("Recorder", "something.else");
        await using var harness = CreateSut(notifier);
        await harness.StartAsync();

        await harness.Pipeline.SubmitAsync(Records.Web("o-5"));
        var queue = harness.Get<IOutboxQueue>();
        await Eventually.WaitUntilAsync(() => queue.LagAsync(OutboxDispatcher.GroupOf(notifier)).Result == 0 && harness.Store.ReadOutboxAsync(null, 10).Result.Count == 1);
        await harness.StopAsync();

        Assert.Empty(notifier.Sent);
        Assert.Equal(0, notifier.Attempts);
    }

    [Fact]
    public async Task Dispatch_OneTicketsMessageRetrying_DoesNotHoldAnotherTicketsMessage()
    {
        // Ticket A's message fails with a tool wait of ten minutes; ticket B's escalation goes out meanwhile.
        var notifier = new RecordingNotifier("Recorder", "note") { FailWhen = e => e.Data["n"] == "1" ? new DeliveryException(DeliveryFailureKind.Transient, "rate limited", TimeSpan.FromMinutes(10)) : null };
        await using var harness = CreateSut(notifier, maxAttempts: "50");
        await harness.StartAsync();
        var a = await harness.Pipeline.SubmitAsync(Records.Web("hol-a"));
        var b = await harness.Pipeline.SubmitAsync(Records.Web("hol-b"));
        await harness.Store.UpdateAsync(a.TicketId!, t => new TicketChange(t, [], [Note(t, 1)]));
        await Eventually.WaitUntilAsync(() => notifier.Attempts >= 1);

        var queuedAt = System.Diagnostics.Stopwatch.StartNew();
        await harness.Store.UpdateAsync(b.TicketId!, t => new TicketChange(t, [], [Note(t, 2)]));
        await Eventually.WaitUntilAsync(() => notifier.Sent.Any(e => e.TicketId == b.TicketId));
        var waited = queuedAt.Elapsed;
        await harness.StopAsync();

        Assert.True(waited < TimeSpan.FromSeconds(1), $"ticket B's message waited {waited.TotalMilliseconds} ms behind ticket A's");
        Assert.DoesNotContain(notifier.Sent, e => e.TicketId == a.TicketId);
        Assert.Equal(0, await harness.DeadLetters.CountAsync());
    }

    [Fact]
    public async Task Dispatch_OneMessageRefusedForGood_IsDeadLetteredWithTheReasonWhileTheNextTicketsGoesOut()
    {
        var notifier = new RecordingNotifier("Recorder", "note") { FailWhen = e => e.Data["n"] == "1" ? DeliveryException.Refused(System.Net.HttpStatusCode.BadRequest, "[error-room-not-found] room 'nowhere'") : null };
        await using var harness = CreateSut(notifier, maxAttempts: "50");
        await harness.StartAsync();
        var a = await harness.Pipeline.SubmitAsync(Records.Web("perm-a"));
        var b = await harness.Pipeline.SubmitAsync(Records.Web("perm-b"));

        await harness.Store.UpdateAsync(a.TicketId!, t => new TicketChange(t, [], [Note(t, 1)]));
        await harness.Store.UpdateAsync(b.TicketId!, t => new TicketChange(t, [], [Note(t, 2)]));
        await Eventually.WaitUntilAsync(() => notifier.Sent.Any(e => e.TicketId == b.TicketId) && harness.DeadLetters.CountAsync().Result == 1);
        await harness.StopAsync();

        var letter = Assert.Single(await harness.DeadLetters.ListAsync(10));
        Assert.Contains("room 'nowhere'", letter.Reason, StringComparison.Ordinal);
        Assert.Equal($"{a.TicketId}:note:1", letter.ExternalId);
    }

    [Fact]
    public async Task TeamAlert_RaisedTwiceAndFailingOnce_IsDeliveredOnceToTheAlertChannelWithoutATicket()
    {
        var notifier = new RecordingNotifier("Recorder", ChatEvents.Message);
        notifier.FailNext(1);
        await using var harness = CreateSut(notifier);
        await harness.StartAsync();
        var alerts = harness.Get<ITeamAlerts>();
        var alert = new TeamAlert("appfollow:credits:2026-12-06", "appfollow-credits", "AppFollow is out of API credits", "Reviews are not read until the credits are topped up.");

        var raised = await alerts.RaiseAsync(alert);
        var again = await alerts.RaiseAsync(alert);
        await Eventually.WaitUntilAsync(() => !notifier.Sent.IsEmpty);
        await Task.Delay(100);
        await harness.StopAsync();

        Assert.Equal((true, false), (raised, again));
        var sent = Assert.Single(notifier.Sent);
        Assert.Equal(
            ("", "support-leads", "appfollow-credits", "AppFollow is out of API credits", "Reviews are not read until the credits are topped up."),
            (sent.TicketId, sent.Data[ChatEvents.Channel], sent.Data[ChatEvents.Kind], sent.Data[ChatEvents.Title], sent.Data[ChatEvents.Text]));
        Assert.Equal(0, await harness.DeadLetters.CountAsync());
        Assert.Empty((await harness.Store.ListAsync(new TicketQuery())).Items);
    }

    [Fact]
    public async Task Dispatch_CredentialsRefused_PausesWithOneAlertLosesNothingAndResumesWhenFixed()
    {
        var notifier = new RecordingNotifier("Recorder", "note") { Broken = true };
        await using var harness = CreateSut(notifier, maxAttempts: "3");
        await harness.StartAsync();
        var pauses = harness.Get<NotifierPauses>();
        var tickets = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var created = await harness.Pipeline.SubmitAsync(Records.Web($"pause-{i}"));
            tickets.Add(created.TicketId!);
            var n = i;
            await harness.Store.UpdateAsync(created.TicketId!, t => new TicketChange(t, [], [Note(t, n)]));
        }

        await Eventually.WaitUntilAsync(() => pauses.IsPaused("Recorder"));
        var health = await new OutboxHealthCheck(pauses, harness.Get<SyncHub.Workflow.ReplyChannels>()).CheckHealthAsync(new());
        await Task.Delay(300);
        var alerts = (await harness.Store.ReadOutboxAsync(null, 100)).Count(e => e.Event.Type == ChatEvents.Message && e.Event.Data[ChatEvents.Kind] == "notifier-paused");

        notifier.Broken = false;
        await Eventually.WaitUntilAsync(() => notifier.Sent.Count == 3);
        await harness.StopAsync();

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status);
        Assert.Contains("notifier Recorder paused", health.Description, StringComparison.Ordinal);
        Assert.Equal(1, alerts);
        Assert.Equal(0, await harness.DeadLetters.CountAsync());
        Assert.False(pauses.IsPaused("Recorder"));
        Assert.Equal(["1", "2", "3"], notifier.Sent.Select(e => e.Data["n"]).Order().ToArray());
    }

    [Fact]
    public async Task Dispatch_AReply_IsMarkedSentWithTheToolsIdOrFailedWithAnAlert()
    {
        var notifier = new RecordingNotifier("Recorder", "reply") { FailWhen = e => e.Id.EndsWith(":bad", StringComparison.Ordinal) ? DeliveryException.Refused(System.Net.HttpStatusCode.NotFound, "no such recipient") : null };
        await using var harness = CreateSut(notifier);
        await harness.StartAsync();
        var created = await harness.Pipeline.SubmitAsync(Records.Web("reply-state"));
        foreach (var id in new[] { "good", "bad" })
        {
            var eventId = $"{created.TicketId}:{id}";
            await harness.Store.UpdateAsync(created.TicketId!, t => new TicketChange(
                t with { Replies = new Dictionary<string, ReplyDelivery>(t.Replies) { [eventId] = new() { State = ReplyState.Queued, Via = "reply", Destination = "to ana", At = Records.At } } },
                [],
                [new OutboxEvent { Id = eventId, Type = "reply", TicketId = t.Id, CreatedAt = Records.At }]));
        }

        await Eventually.WaitUntilAsync(() => harness.Store.GetAsync(created.TicketId!).Result!.Replies.Values.All(r => r.State != ReplyState.Queued));
        await harness.StopAsync();

        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        var good = ticket.Replies[$"{created.TicketId}:good"];
        var bad = ticket.Replies[$"{created.TicketId}:bad"];
        Assert.Equal((ReplyState.Sent, $"tool-{created.TicketId}:good"), (good.State, good.ToolMessageId));
        Assert.Equal(ReplyState.Failed, bad.State);
        Assert.Contains("no such recipient", bad.Reason, StringComparison.Ordinal);
        var alert = Assert.Single(await harness.Store.ReadOutboxAsync(null, 100), e => e.Event.Type == ChatEvents.Message).Event;
        Assert.Equal("reply-failed", alert.Data[ChatEvents.Kind]);
        Assert.Equal(2, ticket.History.Count(h => h.Type == HistoryTypes.Delivery));
    }

    private static OutboxEvent Note(Ticket ticket, int n) => new()
    {
        Id = $"{ticket.Id}:note:{n}",
        Type = "note",
        TicketId = ticket.Id,
        CreatedAt = Records.At,
        Data = new Dictionary<string, string> { ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static TicketCreation SampleCreation(string externalId)
    {
        var ticket = new Ticket
        {
            Id = Guid.NewGuid().ToString("N"),
            Channel = Channel.Web,
            Source = "WebForm",
            ExternalId = externalId,
            CreatedAt = Records.At,
            UpdatedAt = Records.At,
        };
        var created = new HistoryEntry(Records.At, HistoryTypes.Created, "Created from Web");
        var evt = new OutboxEvent { Id = $"{ticket.Id}:created", Type = OutboxEventTypes.TicketCreated, TicketId = ticket.Id, CreatedAt = Records.At };
        return new TicketCreation(ticket, [created], [evt], created);
    }
}
