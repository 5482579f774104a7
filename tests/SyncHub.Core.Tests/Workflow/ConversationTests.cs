using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;
using SyncHub.Core.Tests.Pipeline;
using SyncHub.Domain;
using SyncHub.Testing.Doubles;
using SyncHub.Workflow;

namespace SyncHub.Core.Tests.Workflow;

/// <summary>
/// The conversation on the in-memory store: an agent's reply goes through the ticket's route (or e-mail), is refused
/// when nothing delivers it, happens once per Idempotency-Key; a customer's answer reopens a waiting ticket with its
/// SLA running, and after Closed (or the reopen window) opens a new ticket linked to the old one.
/// </summary>
public sealed class ConversationTests
{
    private readonly FakeTimeProvider clock = new(Records.At);

    private async Task<PipelineHarness> StartAsync(params INotifier[] notifiers)
    {
        var harness = CreateSut(notifiers);
        await harness.StartAsync();
        return harness;
    }

    private PipelineHarness CreateSut(INotifier[] notifiers) => new(
        new Dictionary<string, string?> { ["SyncHub:Outbox:PollInterval"] = "00:00:00.010" },
        services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<SyncHub.Policies.IAccountDirectory>(new Sla.FixedAccountDirectory(new AccountSnapshot("crm-1", "Acme", "Gold", "Active")));
            foreach (var notifier in notifiers)
            {
                services.AddSingleton(notifier);
            }
        });

    private static IntakeRecord Tweet(string id, string thread) => new()
    {
        Source = "Twitter",
        ExternalId = id,
        Channel = Channel.Twitter,
        ThreadKey = thread,
        Requester = new Requester("Ana", null, null, "@ana"),
        Subject = "App crashes",
        Body = "@support the app crashes",
        ReceivedAt = Records.At,
        ReplyRoute = new ReplyRoute
        {
            EventType = "x.reply",
            Data = new Dictionary<string, string> { ["inReplyToTweetId"] = id },
            Destination = "public reply to @ana on X",
            Setting = "SyncHub:Adapters:Twitter:UserAccessToken",
        },
    };

    [Fact]
    public async Task Reply_TicketWithARoute_QueuesTheRoutesEventWithTheTextAndMarksItQueued()
    {
        await using var harness = await StartAsync(new RecordingNotifier("X", "x.reply"));
        var created = await harness.Pipeline.SubmitAsync(Tweet("1001", "twitter:conv:1001"));

        var result = await harness.Get<TicketWorkflow>().ReplyAsync(created.TicketId!, new Reply("Fixed in 4.2.1", "maria"));

        Assert.Null(result.Error);
        var reply = Assert.Single(await harness.Store.ReadOutboxAsync(null, 10), e => e.Event.Type == "x.reply").Event;
        Assert.Equal(("1001", "Fixed in 4.2.1"), (reply.Data["inReplyToTweetId"], reply.Data[ReplyRoute.TextKey]));
        var state = Assert.Single(result.Ticket!.Replies);
        Assert.Equal((reply.Id, ReplyState.Queued, "public reply to @ana on X"), (state.Key, state.Value.State, state.Value.Destination));
    }

    [Fact]
    public async Task Reply_NoNotifierDeliversTheChannel_Is409NamingTheSettingAndQueuesNothing()
    {
        await using var harness = await StartAsync();
        var created = await harness.Pipeline.SubmitAsync(Tweet("1002", "twitter:conv:1002"));

        var result = await harness.Get<TicketWorkflow>().ReplyAsync(created.TicketId!, new Reply("hello", null));

        Assert.Equal(WorkflowError.Conflict, result.Error);
        Assert.Contains("SyncHub:Adapters:Twitter:UserAccessToken", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Twitter", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await harness.Store.ReadOutboxAsync(null, 10), e => e.Event.Type == "x.reply");
        Assert.DoesNotContain((await harness.Store.GetAsync(created.TicketId!))!.History, h => h.Type == HistoryTypes.Reply);
    }

    [Fact]
    public async Task Reply_AfterTheToolsWindowClosed_Is409NamingTheWindow()
    {
        await using var harness = await StartAsync(new RecordingNotifier("X", "x.reply"));
        var record = Tweet("1003", "twitter:conv:1003");
        record = record with { ReplyRoute = record.ReplyRoute! with { Until = Records.At.AddHours(24) } };
        var created = await harness.Pipeline.SubmitAsync(record);
        clock.Advance(TimeSpan.FromHours(25));

        var result = await harness.Get<TicketWorkflow>().ReplyAsync(created.TicketId!, new Reply("late", null));

        Assert.Equal(WorkflowError.Conflict, result.Error);
        Assert.Contains("window has closed", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_RetriedWithTheSameIdempotencyKey_HappenOnce()
    {
        await using var harness = await StartAsync(new RecordingNotifier("Mail", MailEvents.Reply), new RecordingNotifier("Chat", ChatEvents.Message));
        var workflow = harness.Get<TicketWorkflow>();
        var created = await harness.Pipeline.SubmitAsync(Records.Web("once-1"));
        var id = created.TicketId!;

        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Null((await workflow.ReplyAsync(id, new Reply("Reset it from the login page.", "maria", "key-reply"))).Error);
            Assert.Null((await workflow.AddNoteAsync(id, new Note("Called her too", "maria", "key-note"))).Error);
            Assert.Null((await workflow.EscalateAsync(id, new Escalation("developers", "joao", "crash", "maria", "key-esc"))).Error);
        }

        var ticket = (await harness.Store.GetAsync(id))!;
        var outbox = await harness.Store.ReadOutboxAsync(null, 50);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.Reply);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.InternalNote);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.Escalated);
        Assert.Single(outbox, e => e.Event.Type == MailEvents.Reply);
        Assert.Single(outbox, e => e.Event.Type == ChatEvents.Message && e.Event.Data[ChatEvents.Kind] == "escalation");

        // Another key is another action.
        await workflow.ReplyAsync(id, new Reply("And one more thing.", "maria", "key-reply-2"));
        Assert.Equal(2, (await harness.Store.GetAsync(id))!.History.Count(h => h.Type == HistoryTypes.Reply));
    }

    [Fact]
    public async Task Note_IsInTheHistoryAndNeverInTheOutbox()
    {
        await using var harness = await StartAsync(new RecordingNotifier("Mail", MailEvents.Reply));
        var created = await harness.Pipeline.SubmitAsync(Records.Web("note-1"));
        var before = (await harness.Store.ReadOutboxAsync(null, 50)).Count;

        var result = await harness.Get<TicketWorkflow>().AddNoteAsync(created.TicketId!, new Note("Customer is on the legacy plan", "maria"));

        var note = Assert.Single(result.Ticket!.History, h => h.Type == HistoryTypes.InternalNote);
        Assert.Equal(("Customer is on the legacy plan", "maria"), (note.Data!["text"], note.Data["by"]));
        Assert.Equal(before, (await harness.Store.ReadOutboxAsync(null, 50)).Count);
    }

    [Fact]
    public async Task CustomerAnswer_OnASolvedTicket_ReopensItWithTheSlaRunningAndSaysWhy()
    {
        await using var harness = await StartAsync(new RecordingNotifier("Mail", MailEvents.Reply));
        var workflow = harness.Get<TicketWorkflow>();
        var created = await harness.Pipeline.SubmitAsync(Records.Web("reopen-1") with { ThreadKey = "mail:reopen-1" });
        await workflow.ReplyAsync(created.TicketId!, new Reply("Try again now.", "maria"));
        await workflow.ChangeStatusAsync(created.TicketId!, TicketStatus.Solved, "maria");
        clock.Advance(TimeSpan.FromDays(2));

        var answer = await harness.Pipeline.SubmitAsync(Records.Web("reopen-1-answer") with { ThreadKey = "mail:reopen-1", ReceivedAt = clock.GetUtcNow() });

        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.Equal(created.TicketId, answer.TicketId);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.True(ticket.CustomerReplied);
        Assert.Null(ticket.SolvedAt);
        Assert.NotNull(ticket.Sla);
        Assert.Null(ticket.Sla!.ResolvedAt);
        Assert.Null(ticket.Sla.FirstRespondedAt);
        Assert.True(ticket.Sla.FirstResponseDueAt > clock.GetUtcNow());
        var reopened = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Reopened);
        Assert.Contains("the customer answered while it was Solved", reopened.Message, StringComparison.Ordinal);

        // The agent's next reply clears the mark; a replay of the answer changes nothing.
        await workflow.ReplyAsync(created.TicketId!, new Reply("Glad to help.", "maria"));
        await harness.Pipeline.SubmitAsync(Records.Web("reopen-1-answer") with { ThreadKey = "mail:reopen-1" });
        ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.False(ticket.CustomerReplied);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.Reopened);
    }

    [Fact]
    public async Task CustomerAnswer_OnAPendingTicket_ReopensItAndResumesTheClock()
    {
        await using var harness = await StartAsync();
        var workflow = harness.Get<TicketWorkflow>();
        var created = await harness.Pipeline.SubmitAsync(Records.Web("pending-1") with { ThreadKey = "mail:pending-1" });
        await workflow.ChangeStatusAsync(created.TicketId!, TicketStatus.Pending, "maria");
        clock.Advance(TimeSpan.FromHours(3));

        await harness.Pipeline.SubmitAsync(Records.Web("pending-1-answer") with { ThreadKey = "mail:pending-1" });

        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.False(ticket.Sla!.Paused);
    }

    [Theory]
    [InlineData(TicketStatus.Closed, 1)]
    [InlineData(TicketStatus.Solved, 8)]
    public async Task CustomerAnswer_AfterClosedOrTheReopenWindow_OpensANewTicketLinkedToTheOld(TicketStatus status, int daysLater)
    {
        await using var harness = await StartAsync();
        var workflow = harness.Get<TicketWorkflow>();
        var created = await harness.Pipeline.SubmitAsync(Records.Web($"late-{status}") with { ThreadKey = $"mail:late-{status}" });
        await workflow.ChangeStatusAsync(created.TicketId!, status, "maria");
        clock.Advance(TimeSpan.FromDays(daysLater));

        var answer = await harness.Pipeline.SubmitAsync(Records.Web($"late-{status}-answer") with { ThreadKey = $"mail:late-{status}" });

        Assert.NotEqual(created.TicketId, answer.TicketId);
        var old = (await harness.Store.GetAsync(created.TicketId!))!;
        var fresh = (await harness.Store.GetAsync(answer.TicketId!))!;
        Assert.Equal(status, old.Status);
        Assert.Equal(created.TicketId, fresh.LinkedTicketId);
        var link = Assert.Single(fresh.History, h => h.Type == HistoryTypes.Linked);
        Assert.Contains(old.Tag, link.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_AlreadyAnsweredInTheStore_MeetsTheFirstResponseThenAndNeedsReplaceToAnswerAgain()
    {
        await using var harness = await StartAsync(new RecordingNotifier("AppFollow", ReviewEvents.Reply));
        var answeredAt = Records.At.AddHours(-5);
        var record = new IntakeRecord
        {
            Source = "AppFollow",
            ExternalId = "rev-1",
            Channel = Channel.AppReview,
            Subject = "1 star",
            Body = "Crashes",
            ReceivedAt = Records.At,
            Diagnostics = new Dictionary<string, string>
            {
                [ReviewDiagnostics.Rating] = "1",
                [ReviewDiagnostics.AnswerText] = "Sorry, fixed in 4.2.1",
                [ReviewDiagnostics.AnsweredAt] = answeredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        var created = await harness.Pipeline.SubmitAsync(record);
        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        var workflow = harness.Get<TicketWorkflow>();

        var plain = await workflow.ReplyAsync(created.TicketId!, new Reply("New answer", "maria"));
        var replace = await workflow.ReplyAsync(created.TicketId!, new Reply("New answer", "maria", Replace: true));

        Assert.Equal(answeredAt, ticket.Sla?.FirstRespondedAt);
        Assert.Contains(ticket.History, h => h.Type == HistoryTypes.Reply && h.Data!["message"] == "Sorry, fixed in 4.2.1");
        Assert.Equal(WorkflowError.Conflict, plain.Error);
        Assert.Contains("replace", plain.Detail, StringComparison.Ordinal);
        Assert.Null(replace.Error);
    }
}
