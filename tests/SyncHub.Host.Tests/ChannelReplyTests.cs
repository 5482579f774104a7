using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

/// <summary>
/// The whole answer chain per channel through the real host: the tool's documented payload becomes a ticket, the agent
/// replies with <c>POST /api/tickets/{id}/reply</c>, the outbox hands it to the channel's notifier, the tool's fake receives
/// the exact request, and the reply becomes <see cref="ReplyState.Sent"/> with the tool's id (or, for the tool's errors,
/// the documented outcome: paused, failed and dead-lettered, or retried after the tool's reset).
/// </summary>
public sealed class ChannelReplyTests
{
    private const string AppSecret = "fb-app-secret-roundtrip-0a7d";
    private const string PageId = "106358284731337";
    private const string Psid = "6754123987654321";
    private const string CommentId = "106358284731337_9182736455";
    private const string Answer = "Please update to 6.4.2; it fixes the login loop.";

    [Fact]
    public async Task Reply_ToAMessengerMessage_PostsTheSendApiMessageAndIsSentWithItsMessageId()
    {
        using var graph = new GraphApiFake();
        await using var hub = await StartFacebookAsync(graph);
        var id = await MessengerTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Sent);
        var post = Assert.Single(graph.Posts);
        Assert.Equal($"{GraphApiFake.Version}/{PageId}/messages", post.Path);
        Assert.Equal(GraphApiFake.Token, GraphApiFake.Query(post, "access_token"));
        Assert.StartsWith("application/json", XApiFake.Header(post, "Content-Type"), StringComparison.Ordinal);
        AssertJson(new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = Psid },
            ["messaging_type"] = "RESPONSE",
            ["message"] = new JsonObject { ["text"] = Answer },
        }, post.Body);
        AssertSent(ticket, eventId, GraphApiFake.MessageId);
    }

    [Fact]
    public async Task Reply_ToAFeedComment_PostsAPublicReplyUnderItAndIsSentWithTheNewCommentId()
    {
        using var graph = new GraphApiFake();
        await using var hub = await StartFacebookAsync(graph);
        var body = Page(new JsonObject { ["changes"] = new JsonArray(Comment()) });
        using var created = await hub.Client.SendAsync(Signed(body));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString()!;

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Sent);
        var post = Assert.Single(graph.Posts);
        Assert.Equal($"{GraphApiFake.Version}/{CommentId}/comments", post.Path);
        Assert.Equal(GraphApiFake.Token, GraphApiFake.Query(post, "access_token"));
        AssertJson(new JsonObject { ["message"] = Answer }, post.Body);
        AssertSent(ticket, eventId, GraphApiFake.ReplyCommentId);
    }

    [Theory]
    [InlineData(400, 190, "Error validating access token: Session has expired on Monday, 30-Nov-26 04:00:00 PST.")]
    [InlineData(401, 190, "Error validating access token: The user has not authorized application 438295716.")]
    [InlineData(403, 200, "(#200) Permissions error")]
    public async Task Reply_GraphRefusesThePageToken_PausesTheNotifierNamedOnReadyAndDeadLettersNothing(int status, int code, string message)
    {
        using var graph = new GraphApiFake();
        graph.Fail(@"^/v21\.0/.*", status, code, message);
        await using var hub = await StartFacebookAsync(graph);
        var id = await MessengerTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var pauses = hub.App.Services.GetRequiredService<NotifierPauses>();
        await Eventually.WaitUntilAsync(() => pauses.IsPaused("FacebookReply"));
        await AssertPausedOnReadyAsync(hub, "FacebookReply", message);
        Assert.Equal(0, await hub.App.Services.GetRequiredService<IDeadLetterStore>().CountAsync());
        Assert.Empty(graph.Posts);

        // The pause is flagged first, then its line is written to the ticket's history: wait for the line.
        var ticket = await hub.TicketAsync(id);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!ticket.History.Any(h => IsPausedLine(h, eventId)) && started.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
            ticket = await hub.TicketAsync(id);
        }

        Assert.Equal(ReplyState.Queued, ticket.Replies[eventId].State);
        Assert.Contains(ticket.History, h => IsPausedLine(h, eventId));
    }

    private static bool IsPausedLine(HistoryEntry entry, string eventId) =>
        entry.Type == HistoryTypes.Notification && entry.Data!["status"] == "paused" && entry.Data["eventId"] == eventId;

    [Fact]
    public async Task Reply_GraphRefusesTheRecipient_FailsTheReplyWithGraphsMessageDeadLettersItAndAlerts()
    {
        const string message = "(#100) No matching user found";
        using var graph = new GraphApiFake();
        graph.Fail(@"^/v21\.0/[^/]+/messages$", 400, 100, message, subcode: 2018001);
        await using var hub = await StartFacebookAsync(graph);
        var id = await MessengerTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Failed);
        Assert.Single(graph.Posts);
        Assert.Contains(message, ticket.Replies[eventId].Reason, StringComparison.Ordinal);
        var delivery = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Delivery);
        Assert.Equal("Failed", delivery.Data!["state"]);
        var letter = Assert.Single(await hub.App.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10));
        Assert.Equal(("outbox:FacebookReply", eventId), (letter.Source, letter.ExternalId));
        Assert.Contains(message, letter.Reason, StringComparison.Ordinal);
        var outbox = await hub.App.Services.GetRequiredService<ITicketStore>().ReadOutboxAsync(null, 20);
        Assert.Contains(outbox, e => e.Event.Type == ChatEvents.Message && e.Event.TicketId == id && e.Event.Data[ChatEvents.Kind] == "reply-failed");
    }

    /// <summary>
    /// The outbox's own backoff (<c>RetryDelay</c>) is set far beyond the wait bound when Graph names a Retry-After, so only
    /// the tool's reset can bring the second attempt in time.
    /// </summary>
    [Theory]
    [InlineData(429, 4, "(#4) Application request limit reached", "1", "00:00:30")]
    [InlineData(500, 2, "An unexpected error has occurred. Please retry your request later.", null, "00:00:00.100")]
    public async Task Reply_GraphLimitedOrFailingOnce_IsRetriedAndSent(int status, int code, string message, string? retryAfter, string retryDelay)
    {
        using var graph = new GraphApiFake();
        graph.Fail(@"^/v21\.0/[^/]+/messages$", status, code, message, retryAfter: retryAfter, once: true);
        await using var hub = await StartFacebookAsync(graph, new() { ["SyncHub:Outbox:RetryDelay"] = retryDelay, ["SyncHub:Outbox:MaxRetryDelay"] = retryDelay });
        var id = await MessengerTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Sent);
        Assert.Equal(2, graph.Posts.Count);
        AssertSent(ticket, eventId, GraphApiFake.MessageId);
        Assert.Equal(0, await hub.App.Services.GetRequiredService<IDeadLetterStore>().CountAsync());
    }

    [Fact]
    public async Task Reply_ToAMentionReadByThePoller_PostsAReplyToItAsTheAccountAndIsSentWithTheNewPostId()
    {
        using var x = new XApiFake(Answer);
        await using var hub = await StartXAsync(x);
        var id = await MentionTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Sent);
        var post = Assert.Single(x.Posts);
        Assert.Equal("/2/tweets", post.Path);
        Assert.Equal("Bearer " + XApiFake.UserAccessToken, XApiFake.Header(post, "Authorization"));
        Assert.StartsWith("application/json", XApiFake.Header(post, "Content-Type"), StringComparison.Ordinal);
        AssertJson(new JsonObject { ["text"] = Answer, ["reply"] = new JsonObject { ["in_reply_to_tweet_id"] = XApiFake.MentionId } }, post.Body);
        AssertSent(ticket, eventId, XApiFake.NewPostId);
    }

    [Theory]
    [InlineData(401, "Unauthorized", "Unauthorized")]
    [InlineData(403, "Forbidden", "You are not permitted to perform this action.")]
    public async Task Reply_XRefusesTheAccountsCredentials_PausesTheNotifierNamedOnReadyAndDeadLettersNothing(int status, string title, string detail)
    {
        using var x = new XApiFake(Answer);
        x.FailPosts(status, title, detail);
        await using var hub = await StartXAsync(x);
        var id = await MentionTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var pauses = hub.App.Services.GetRequiredService<NotifierPauses>();
        await Eventually.WaitUntilAsync(() => pauses.IsPaused("TwitterReply"));
        await AssertPausedOnReadyAsync(hub, "TwitterReply", $"HTTP {status}");
        Assert.Equal(0, await hub.App.Services.GetRequiredService<IDeadLetterStore>().CountAsync());
        Assert.Equal(ReplyState.Queued, (await hub.TicketAsync(id)).Replies[eventId].State);
    }

    [Fact]
    public async Task Reply_XRefusesTheReplyToTheConversation_FailsTheReplyWithXsDetailAndDeadLettersIt()
    {
        const string detail = "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.";
        using var x = new XApiFake(Answer);
        x.FailPosts(403, "Forbidden", detail);
        await using var hub = await StartXAsync(x);
        var id = await MentionTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Failed);
        Assert.Single(x.Posts);
        Assert.Contains(detail, ticket.Replies[eventId].Reason, StringComparison.Ordinal);
        var letter = Assert.Single(await hub.App.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10));
        Assert.Equal(("outbox:TwitterReply", eventId), (letter.Source, letter.ExternalId));
        Assert.False(hub.App.Services.GetRequiredService<NotifierPauses>().IsPaused("TwitterReply"));
    }

    /// <summary>As for Graph: the outbox's backoff is far beyond the wait bound when X names the window's reset.</summary>
    [Theory]
    [InlineData(429, "Too Many Requests", "Too Many Requests", true, "00:00:30")]
    [InlineData(503, "Service Unavailable", "Service Unavailable", false, "00:00:00.100")]
    public async Task Reply_XLimitedOrUnavailableOnce_IsRetriedAndSent(int status, string title, string detail, bool withReset, string retryDelay)
    {
        using var x = new XApiFake(Answer);
        x.FailPosts(status, title, detail, withReset ? TimeProvider.System.GetUtcNow().AddSeconds(3) : null, once: true);
        await using var hub = await StartXAsync(x, new() { ["SyncHub:Outbox:RetryDelay"] = retryDelay, ["SyncHub:Outbox:MaxRetryDelay"] = retryDelay });
        var id = await MentionTicketAsync(hub);

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Sent);
        Assert.Equal(2, x.Posts.Count);
        AssertSent(ticket, eventId, XApiFake.NewPostId);
        Assert.Equal(0, await hub.App.Services.GetRequiredService<IDeadLetterStore>().CountAsync());
    }

    [Fact]
    public async Task Reply_ToAStoreReviewReadByThePoller_PostsTheAnswerToAppFollowAndIsSent()
    {
        using var appFollow = new AppFollowApiFake();
        await using var hub = await StartAppFollowAsync(appFollow);
        var id = (await PolledTicketAsync(hub)).Id;

        var eventId = await ReplyAsync(hub, id);

        var ticket = await WaitForReplyAsync(hub, id, eventId, ReplyState.Sent);
        var post = Assert.Single(appFollow.Posts);
        Assert.Equal(AppFollowApiFake.ReplyPath, post.Path);
        Assert.Equal(AppFollowApiFake.Token, XApiFake.Header(post, "X-AppFollow-API-Token"));
        AssertJson(new JsonObject { ["ext_id"] = AppFollowApiFake.AppId, ["review_id"] = AppFollowApiFake.ReviewId, ["answer_text"] = Answer }, post.Body);
        Assert.Equal(Channel.AppReview, ticket.Channel);
        Assert.Null(ticket.Replies[eventId].ToolMessageId);
        var delivery = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Delivery);
        Assert.Equal("Sent", delivery.Data!["state"]);
    }

    private static Task<HubServer> StartFacebookAsync(GraphApiFake graph, Dictionary<string, string?>? extra = null) =>
        StartAsync("Facebook", extra, new()
        {
            ["AppSecret"] = AppSecret,
            ["VerifyToken"] = "fb-verify-roundtrip",
            ["PageAccessToken"] = GraphApiFake.Token,
            ["BaseUrl"] = graph.ApiUrl,
        });

    private static Task<HubServer> StartXAsync(XApiFake x, Dictionary<string, string?>? extra = null) =>
        StartAsync("Twitter", extra, new()
        {
            ["BaseUrl"] = x.ApiUrl,
            ["BearerToken"] = XApiFake.BearerToken,
            ["UserId"] = XApiFake.SupportUserId,
            ["UserAccessToken"] = XApiFake.UserAccessToken,
            ["DirectMessages"] = "false",
            ["PollInterval"] = "00:00:01",
            ["MaxRetryAttempts"] = "0",
        });

    private static Task<HubServer> StartAppFollowAsync(AppFollowApiFake appFollow) =>
        StartAsync("AppFollow", null, new()
        {
            ["BaseUrl"] = appFollow.ApiUrl,
            ["ApiToken"] = AppFollowApiFake.Token,
            ["Apps:0:AppId"] = AppFollowApiFake.AppId,
            ["Apps:0:Store"] = "GooglePlay",
            ["PollInterval"] = "00:00:01",
            ["MaxRetryAttempts"] = "0",
        });

    /// <summary>The hub with one adapter enabled (<paramref name="adapter"/>'s keys) and an outbox that polls and retries quickly.</summary>
    private static Task<HubServer> StartAsync(string adapter, Dictionary<string, string?>? extra, Dictionary<string, string?> adapterSettings)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Outbox:PollInterval"] = "00:00:00.050",
            ["SyncHub:Outbox:RetryDelay"] = "00:00:00.100",
            ["SyncHub:Outbox:MaxRetryDelay"] = "00:00:01",
            [$"SyncHub:Adapters:{adapter}:Enabled"] = "true",
        };
        foreach (var (key, value) in adapterSettings)
        {
            settings[$"SyncHub:Adapters:{adapter}:{key}"] = value;
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return HubServer.StartAsync(settings);
    }

    /// <summary>A signed Messenger message to the page, sent now (Messenger's reply window is open).</summary>
    private static async Task<string> MessengerTicketAsync(HubServer hub)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var body = Page(new JsonObject
        {
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = Psid },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = now,
                ["message"] = new JsonObject { ["mid"] = $"m_roundtrip_{now.ToString(CultureInfo.InvariantCulture)}", ["text"] = "The app logs me out every hour" },
            }),
        });
        using var response = await hub.Client.SendAsync(Signed(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await hub.JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>The mention the Twitter poller reads from the fake at start.</summary>
    private static async Task<string> MentionTicketAsync(HubServer hub)
    {
        var ticket = await PolledTicketAsync(hub);
        Assert.Equal(Channel.Twitter, ticket.Channel);
        Assert.Equal(("Twitter", XApiFake.MentionId), (ticket.Source, ticket.ExternalId));
        return ticket.Id;
    }

    /// <summary>The one ticket a poller makes of what its tool's fake lists.</summary>
    private static async Task<Ticket> PolledTicketAsync(HubServer hub)
    {
        var store = hub.App.Services.GetRequiredService<ITicketStore>();
        await Eventually.WaitUntilAsync(() => store.ListAsync(new TicketQuery()).GetAwaiter().GetResult().Items.Count == 1);
        return Assert.Single((await store.ListAsync(new TicketQuery())).Items);
    }

    private static JsonObject Comment() => new()
    {
        ["field"] = "feed",
        ["value"] = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = "4412356789012345", ["name"] = "Carlos Lima" },
            ["post"] = new JsonObject { ["id"] = $"{PageId}_987654321", ["status_type"] = "added_photos", ["is_published"] = true },
            ["message"] = "Is the outage on your status page about the mobile app too?",
            ["post_id"] = $"{PageId}_987654321",
            ["comment_id"] = CommentId,
            ["created_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            ["item"] = "comment",
            ["parent_id"] = $"{PageId}_987654321",
            ["verb"] = "add",
        },
    };

    private static string Page(JsonObject entry)
    {
        entry["id"] = PageId;
        entry["time"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        return new JsonObject { ["object"] = "page", ["entry"] = new JsonArray(entry) }.ToJsonString();
    }

    private static HttpRequestMessage Signed(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/facebook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body))));
        return request;
    }

    /// <summary>The agent's reply through the API; answers the reply's outbox event id.</summary>
    private static async Task<string> ReplyAsync(HubServer hub, string id)
    {
        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/reply", new { message = Answer }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await hub.TicketAsync(id);
        return Assert.Single(ticket.History, h => h.Type == HistoryTypes.Reply).Data!["eventId"];
    }

    private static Task<Ticket> WaitForReplyAsync(HubServer hub, string id, string eventId, ReplyState state) =>
        hub.TicketWhenAsync(id, t => t.Replies.GetValueOrDefault(eventId)?.State == state);

    private static void AssertSent(Ticket ticket, string eventId, string toolMessageId)
    {
        var reply = ticket.Replies[eventId];
        Assert.Equal((ReplyState.Sent, toolMessageId), (reply.State, reply.ToolMessageId));
        var delivery = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Delivery);
        Assert.Equal(eventId, delivery.Data!["eventId"]);
        Assert.Equal("Sent", delivery.Data["state"]);
        Assert.Equal(toolMessageId, delivery.Data["toolMessageId"]);
    }

    private static async Task AssertPausedOnReadyAsync(HubServer hub, string notifier, string reason)
    {
        using var ready = await hub.Client.GetAsync("/health/ready");
        var outbox = (await hub.JsonAsync(ready)).GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Contains($"notifier {notifier} paused", outbox.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(reason, outbox.GetProperty("data").GetProperty($"paused:{notifier}").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static void AssertJson(JsonObject expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual!)), $"expected {expected.ToJsonString()}, got {actual}");
}
