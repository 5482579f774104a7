using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

/// <summary>The ticket view's conversation thread, the reply box (reply or internal note) and the actions' Idempotency-Key.</summary>
public sealed class ConversationTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly Requester Ana = new(Name: "Ana Souza", Email: "ana@acme.example");

    private DashboardHub Hub => fixture.Hub;

    [Fact]
    public async Task Thread_EmailConversation_ShowsCustomerMessagesReplyWithItsStateAndAnUnsentNote()
    {
        var threadKey = $"mail-{Guid.NewGuid():N}";
        var ticket = await Hub.IntakeAsync(Channel.Email, "Email", "Thread: March invoice missing", "I did not get the March invoice.", Ana, threadKey: threadKey);
        await Hub.SetStatusAsync(ticket.Id, "Pending");
        await Hub.IntakeAsync(Channel.Email, "Email", "Re: Thread: March invoice missing", "Still nothing, can you resend it?", Ana, threadKey: threadKey);
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}", key: DashboardHub.MariaKey);
        var conversation = dashboard.Conversation;

        await Expect(conversation.Locator("[data-type='created']")).ToContainTextAsync("I did not get the March invoice.");
        await Expect(conversation.Locator("[data-type='created']")).ToContainTextAsync("Ana Souza <ana@acme.example>");
        await Expect(conversation.Locator("[data-type='threaded'] blockquote")).ToHaveTextAsync("Still nothing, can you resend it?");
        await Expect(conversation.Locator("[data-type='threaded']")).ToContainTextAsync("ana@acme.example");
        await Expect(conversation.Locator("[data-type='reopened']")).ToContainTextAsync("the customer answered while it was Pending");
        await Expect(conversation.Locator("[data-type='routed']")).ToBeHiddenAsync();
        await Expect(dashboard.ReplyTarget).ToContainTextAsync("To: e-mail to ana@acme.example");
        await Expect(dashboard.ReplyTarget).ToHaveAttributeAsync("data-can-reply", "true");
        await Expect(dashboard.ReplyBox.GetByLabel("Replace the store answer")).ToBeHiddenAsync();

        await dashboard.ReplyAsync("Hi Ana, I resent the invoice just now.");

        var reply = conversation.Locator("[data-type='reply']");
        await Expect(reply.Locator("blockquote")).ToHaveTextAsync("Hi Ana, I resent the invoice just now.");
        await Expect(reply).ToContainTextAsync("Maria Alves");
        await Expect(reply.Locator(".delivery")).ToHaveAttributeAsync("data-state", new Regex("^(Queued|Sent)$"));
        // The outbox delivers it through the test hub's notifier and marks it sent with the tool's id.
        await Expect(reply.Locator(".delivery")).ToHaveAttributeAsync("data-state", "Sent");
        await Expect(reply.Locator(".tool-id")).ToHaveTextAsync($"id {ReplyRecorder.ToolMessageId}");

        const string Note = "Finance confirms the invoice went to the old billing address.";
        var form = await dashboard.AddNoteAsync(Note);

        var note = conversation.Locator("[data-type='internal-note']");
        await Expect(note.Locator("blockquote")).ToHaveTextAsync(Note);
        await Expect(note).ToContainTextAsync("not sent to the customer");
        await Expect(form.GetByLabel("Message")).ToHaveValueAsync("");
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Equal(Note, stored.History.Single(h => h.Type == HistoryTypes.InternalNote).Data!["text"]);
        Assert.Single(stored.History, h => h.Type == HistoryTypes.Reply);
        Assert.Single(stored.Replies);
        Assert.DoesNotContain(Hub.Replies.Sent, e => e.Data.Values.Any(v => v.Contains("billing address", StringComparison.Ordinal)));
        await dashboard.ScreenshotAsync("ticket-conversation.png");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task DeliveryBadge_FailedReply_ShowsTheReason()
    {
        var ticket = await Hub.SubmitFormAsync("Delivery: bounced reply", "Please call me back.");
        Hub.Replies.Refuse("We will call you today.", "550 5.1.1 mailbox unavailable");
        using (var response = await Hub.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket.Id}/reply", new { message = "We will call you today." }))
        {
            response.EnsureSuccessStatusCode();
        }

        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");

        var delivery = dashboard.Conversation.Locator("[data-type='reply'] .delivery");
        await Expect(delivery).ToHaveAttributeAsync("data-state", "Failed");
        await Expect(delivery.Locator(".delivery-badge")).ToHaveTextAsync("Failed");
        await Expect(delivery.Locator(".delivery-reason")).ToContainTextAsync("550 5.1.1 mailbox unavailable");
    }

    [Fact]
    public async Task ReplyBox_TicketsThatCannotBeAnswered_SayWhy()
    {
        var internalRequest = await Hub.CreateInternalAsync("Reply target: no address", "The requester left no e-mail.");
        var tweet = await Hub.IntakeAsync(
            Channel.Twitter,
            "Twitter",
            "Reply target: @RocketChat down?",
            "Is the cloud down?",
            new Requester(Handle: "@carla_m"),
            replyRoute: new ReplyRoute { EventType = "x.reply", Destination = "public reply to @carla_m on X", Setting = "SyncHub:Adapters:Twitter:UserAccessToken" });
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{internalRequest.Number}");

        await Expect(dashboard.ReplyTarget).ToHaveAttributeAsync("data-can-reply", "false");
        await Expect(dashboard.ReplyTarget).ToContainTextAsync("Cannot reply: replies to Internal tickets go by e-mail, and this requester has no address");

        await dashboard.OpenTicketAsync(tweet);
        await Expect(dashboard.ReplyTarget).ToContainTextAsync("Cannot reply: replies to Twitter tickets go as x.reply (public reply to @carla_m on X), and no enabled notifier delivers them");
        await Expect(dashboard.ReplyTarget).ToContainTextAsync("SyncHub:Adapters:Twitter:UserAccessToken");

        // The internal note stays possible, and says it is not sent.
        await dashboard.ReplyBox.GetByRole(AriaRole.Radio, new() { Name = "Internal note" }).CheckAsync();
        await Expect(dashboard.ReplyTarget).ToBeHiddenAsync();
        await Expect(dashboard.ReplyBox.Locator(".note-hint")).ToContainTextAsync("never sent to the customer");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Retry_ReplyAnswered503WithRetryAfter_SendsTheSameIdempotencyKeyAndRepliesOnce()
    {
        var ticket = await Hub.SubmitFormAsync("Retry: export never finishes", "The CSV export spins forever.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");
        var keys = new ConcurrentQueue<string?>();
        var answered = 0;
        await dashboard.Page.RouteAsync("**/api/tickets/*/reply", async route =>
        {
            keys.Enqueue(await route.Request.HeaderValueAsync("idempotency-key"));
            if (Interlocked.Exchange(ref answered, 1) == 0)
            {
                // The hub takes the reply, but its answer is lost: the page sees a 503 asking to retry in a second.
                await route.FetchAsync();
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 503,
                    Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
                    ContentType = "application/problem+json",
                    Body = """{"title":"Service Unavailable","status":503,"detail":"the ticket store is unavailable; retry later"}""",
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        var form = await dashboard.ReplyAsync("Hi Ana, the export is fixed; please try again.");

        await Expect(dashboard.Conversation.Locator("[data-type='reply'] blockquote")).ToHaveTextAsync("Hi Ana, the export is fixed; please try again.");
        await Expect(form.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reply queued" })).ToBeVisibleAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        Assert.Equal(2, keys.Count);
        var key = Assert.Single(keys.Distinct());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", key);
        var stored = await Hub.TicketAsync(ticket.Id);
        Assert.Single(stored.History, h => h.Type == HistoryTypes.Reply);
        Assert.Single(stored.Replies);
        OnlyRefusedCalls(dashboard.Errors);
    }

    [Fact]
    public async Task Actions_EachUserAction_SendsAFreshIdempotencyKey()
    {
        var ticket = await Hub.SubmitFormAsync("Keys: two actions", "Two actions, two keys.");
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{ticket.Number}");
        var keys = new ConcurrentQueue<string>();
        dashboard.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Headers.TryGetValue("idempotency-key", out var key))
            {
                keys.Enqueue(key);
            }
        };

        await dashboard.AddNoteAsync("First note.");
        await Expect(dashboard.Conversation.Locator("[data-type='internal-note']")).ToHaveCountAsync(1);
        await dashboard.AddNoteAsync("First note.");
        await Expect(dashboard.Conversation.Locator("[data-type='internal-note']")).ToHaveCountAsync(2);

        Assert.Equal(2, keys.Distinct().Count());
    }

    [Fact]
    public async Task TicketsList_CustomerReplied_IsMarkedUntilAnAgentAnswers()
    {
        var threadKey = $"mail-{Guid.NewGuid():N}";
        var answered = await Hub.IntakeAsync(Channel.Email, "Email", "List: VPN drops", "The VPN drops every hour.", Ana, threadKey: threadKey);
        await Hub.IntakeAsync(Channel.Email, "Email", "Re: List: VPN drops", "Here are the logs you asked for.", Ana, threadKey: threadKey);
        var quiet = await Hub.IntakeAsync(Channel.Email, "Email", "List: quiet ticket", "Nothing since.", Ana, threadKey: $"mail-{Guid.NewGuid():N}");
        await using var dashboard = await fixture.OpenAsync();

        await Expect(dashboard.Row(answered).Locator(".replied-badge")).ToHaveTextAsync("Customer replied");
        await Expect(dashboard.Row(answered)).ToHaveAttributeAsync("data-customer-replied", "true");
        await Expect(dashboard.Row(quiet)).ToHaveAttributeAsync("data-customer-replied", "false");
        await Expect(dashboard.Row(quiet).Locator(".replied-badge")).ToHaveCountAsync(0);

        await dashboard.OpenTicketAsync(answered);
        await Expect(dashboard.PanelSection("Summary").Locator(".replied-badge")).ToHaveTextAsync("Customer replied");
        await dashboard.ReplyAsync("Thanks, the logs show the lease renewal failing.");

        await Expect(dashboard.Row(answered).Locator(".replied-badge")).ToHaveCountAsync(0);
        Assert.False((await Hub.TicketAsync(answered.Id)).CustomerReplied);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Reply_ReviewWithAStoreAnswer_IsSentOnlyAfterTheAgentChoosesToReplaceIt()
    {
        var review = await Hub.ReviewAsync(
            "★★☆☆☆ Sync is slow",
            "Messages take a minute to show up.",
            new Dictionary<string, string> { ["answerText"] = "Thanks, we are looking into it!", ["answeredAt"] = "2026-01-02T10:00:00Z" });
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{review.Number}");
        var posted = new ConcurrentQueue<string>();
        dashboard.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/reply", StringComparison.Ordinal))
            {
                posted.Enqueue(request.PostData ?? "");
            }
        };
        var form = dashboard.ReplyBox;
        var replaceChoice = form.GetByLabel("Replace the store answer");
        await Expect(dashboard.Conversation.Locator("[data-type='reply']")).ToContainTextAsync("Thanks, we are looking into it!");

        await dashboard.ReplyAsync("The 4.40 release fixes the delay; please update.");

        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("the review already has an answer in the store");
        await Expect(replaceChoice).ToBeVisibleAsync();
        await Expect(replaceChoice).Not.ToBeCheckedAsync();
        Assert.Empty((await Hub.TicketAsync(review.Id)).Replies);

        await replaceChoice.CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

        var reply = dashboard.Conversation.Locator("[data-type='reply']").Filter(new() { Has = dashboard.Page.Locator(".delivery") });
        await Expect(reply.Locator("blockquote")).ToHaveTextAsync("The 4.40 release fixes the delay; please update.");
        await Expect(form.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        Assert.Equal(["false", "true"], posted.Select(body => Regex.Match(body, "\"replace\":(true|false)").Groups[1].Value));
        var stored = await Hub.TicketAsync(review.Id);
        Assert.Equal(ReviewEvents.Reply, Assert.Single(stored.Replies).Value.Via);
        OnlyRefusedCalls(dashboard.Errors);
    }

    [Fact]
    public async Task LinkedTicket_FollowUpOfAClosedConversation_LinksToTheEarlierTicket()
    {
        var threadKey = $"mail-{Guid.NewGuid():N}";
        var earlier = await Hub.IntakeAsync(Channel.Email, "Email", "Linked: license renewal", "When does our license renew?", Ana, threadKey: threadKey);
        await Hub.SetStatusAsync(earlier.Id, "Closed");
        var later = await Hub.IntakeAsync(Channel.Email, "Email", "Re: Linked: license renewal", "One more question about the renewal.", Ana, threadKey: threadKey);
        Assert.NotEqual(earlier.Id, later.Id);
        await using var dashboard = await fixture.OpenAsync(hash: $"#/tickets/{later.Number}");

        var number = earlier.Number.ToString(CultureInfo.InvariantCulture);
        await Expect(dashboard.PanelSection("Summary").GetByRole(AriaRole.Link, new() { Name = $"#{number}" })).ToBeVisibleAsync();
        var marker = dashboard.Conversation.Locator("[data-type='linked']");
        await Expect(marker).ToContainTextAsync("the customer wrote again after it was Closed");
        await marker.GetByRole(AriaRole.Link, new() { Name = $"#{number}" }).ClickAsync();

        await Expect(dashboard.Panel).ToHaveAttributeAsync("data-number", number);
        await Expect(dashboard.Conversation.Locator("[data-type='created']")).ToContainTextAsync("When does our license renew?");
        Assert.Empty(dashboard.Errors);
    }

    /// <summary>The browser logs each refused call (the 503, the 409) as a console error; nothing else may fail.</summary>
    private static void OnlyRefusedCalls(List<string> errors) =>
        Assert.All(errors, error => Assert.StartsWith("console: Failed to load resource: the server responded with a status of", error, StringComparison.Ordinal));
}
