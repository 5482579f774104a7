using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterReplyNotifierTests : IDisposable
{
    private const string MentionId = "1866123456789012345";
    private readonly XUserFake x = new();

    public static OutboxEvent Reply(string id, string inReplyTo, string text) => new()
    {
        Id = id,
        Type = TwitterReplyEvents.Reply,
        TicketId = "t-1",
        TicketNumber = 10423,
        Data = new Dictionary<string, string>
        {
            [TwitterReplyEvents.InReplyToTweetId] = inReplyTo,
            [TwitterReplyEvents.Username] = "anasouza_dev",
            [ReplyRoute.TextKey] = text,
        },
        CreatedAt = TwitterSettings.Now,
    };

    public static OutboxEvent DirectMessage(string id, string participantId, string text) => new()
    {
        Id = id,
        Type = TwitterReplyEvents.DirectMessage,
        TicketId = "t-2",
        TicketNumber = 10424,
        Data = new Dictionary<string, string> { [TwitterReplyEvents.ParticipantId] = participantId, [ReplyRoute.TextKey] = text },
        CreatedAt = TwitterSettings.Now,
    };

    [Fact]
    public async Task DeliverAsync_Reply_PostsTheReplyWithTheUserTokenAndReturnsThePostId()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var receipt = await Notifier(harness).DeliverAsync(Reply("evt-1", MentionId, "Hi Ana, we are on it & will update you."), CancellationToken.None);

        var request = Assert.Single(x.Requests);
        Assert.Equal(("POST", "/2/tweets", "Bearer " + XUserFake.UserAccessToken), (request.Method, request.Path, request.Authorization));
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("Hi Ana, we are on it & will update you.", body["text"]!.GetValue<string>());
        Assert.Equal(MentionId, body["reply"]!["in_reply_to_tweet_id"]!.GetValue<string>());
        Assert.Equal(x.Posts[0].Id, receipt.ToolMessageId);
    }

    [Fact]
    public async Task DeliverAsync_DirectMessage_SendsToTheParticipantAndReturnsTheDmEventId()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var receipt = await Notifier(harness).DeliverAsync(DirectMessage("evt-2", XUserFake.CustomerId, "Your account is unlocked."), CancellationToken.None);

        var request = Assert.Single(x.Requests);
        Assert.Equal(("POST", $"/2/dm_conversations/with/{XUserFake.CustomerId}/messages"), (request.Method, request.Path));
        Assert.Equal("Bearer " + XUserFake.UserAccessToken, request.Authorization);
        Assert.Equal(new JsonObject { ["text"] = "Your account is unlocked." }.ToJsonString(), JsonNode.Parse(request.Body!)!.ToJsonString());
        Assert.Equal(x.Messages[0].Id, receipt.ToolMessageId);
    }

    [Fact]
    public async Task DeliverAsync_OAuth1Keys_SignsTheRequestWithHmacSha1()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth1(x));

        await Notifier(harness).DeliverAsync(Reply("evt-3", MentionId, "Signed reply"), CancellationToken.None);

        var request = Assert.Single(x.Requests);
        var oauth = OAuth1Signature.Parameters(request.Authorization!);
        Assert.Equal(XUserFake.ConsumerKey, oauth["oauth_consumer_key"]);
        Assert.Equal(XUserFake.AccessToken, oauth["oauth_token"]);
        Assert.Equal("HMAC-SHA1", oauth["oauth_signature_method"]);
        Assert.Equal("1.0", oauth["oauth_version"]);
        Assert.False(string.IsNullOrEmpty(oauth["oauth_nonce"]));
        Assert.True(long.TryParse(oauth["oauth_timestamp"], out _));
        var signed = oauth.Where(p => p.Key != "oauth_signature" && p.Key != "realm");
        Assert.Equal(
            OAuth1Signature.Compute("POST", x.ApiUrl + "/2/tweets", signed, XUserFake.ConsumerSecret, XUserFake.AccessTokenSecret),
            oauth["oauth_signature"]);
    }

    [Fact]
    public void OAuth1Signature_XsDocumentedExample_GivesXsSignature()
    {
        var parameters = new Dictionary<string, string>
        {
            ["status"] = "Hello Ladies + Gentlemen, a signed OAuth request!",
            ["include_entities"] = "true",
            ["oauth_consumer_key"] = XUserFake.ConsumerKey,
            ["oauth_nonce"] = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = "1318622958",
            ["oauth_token"] = XUserFake.AccessToken,
            ["oauth_version"] = "1.0",
        };

        var signature = OAuth1Signature.Compute("POST", "https://api.twitter.com/1.1/statuses/update.json", parameters, XUserFake.ConsumerSecret, XUserFake.AccessTokenSecret);

        Assert.Equal("hCtSmYh+iHYCEqBWrE7C7hYmtUk=", signature);
    }

    [Fact]
    public async Task DeliverAsync_AccessTokenRefused_RefreshesOnceAndSendsAgain()
    {
        x.ExpireAccessToken();
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));
        var notifier = Notifier(harness);

        var receipt = await notifier.DeliverAsync(Reply("evt-4", MentionId, "After a refresh"), CancellationToken.None);
        await notifier.DeliverAsync(DirectMessage("evt-5", XUserFake.CustomerId, "Still refreshed"), CancellationToken.None);

        Assert.Equal(
            ["POST /2/tweets", "POST /2/oauth2/token", "POST /2/tweets", $"POST /2/dm_conversations/with/{XUserFake.CustomerId}/messages"],
            x.Requests.Select(r => $"{r.Method} {r.Path}"));
        var token = x.Requests[1];
        Assert.Contains("grant_type=refresh_token", token.Body, StringComparison.Ordinal);
        Assert.Contains("refresh_token=" + XUserFake.UserRefreshToken, token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=" + Uri.EscapeDataString(XUserFake.ClientId), token.Body, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", token.Authorization, StringComparison.Ordinal);
        Assert.Equal("Bearer " + XUserFake.RefreshedAccessToken, x.Requests[2].Authorization);
        Assert.Equal("Bearer " + XUserFake.RefreshedAccessToken, x.Requests[3].Authorization);
        Assert.Equal(x.Posts.Single().Id, receipt.ToolMessageId);
    }

    [Fact]
    public async Task DeliverAsync_RefreshRefused_FailsAsUnauthorizedNamingTheSetting()
    {
        x.ExpireAccessToken(refreshAccepted: false);
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-6", MentionId, "No luck"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Unauthorized, error.Kind);
        Assert.Contains("SyncHub:Adapters:Twitter:UserAccessToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(XUserFake.UserRefreshToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_Forbidden_FailsAsUnauthorized()
    {
        x.FailWrites(403, "Forbidden", "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.");
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth1(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-7", MentionId, "Forbidden"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Unauthorized, error.Kind);
    }

    [Theory]
    [InlineData(403, "Forbidden", "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.")]
    [InlineData(400, "Invalid Request", "One or more parameters to your request was invalid.")]
    [InlineData(404, "Not Found Error", "Could not find tweet with in_reply_to_tweet_id: [1866123456789012345].")]
    public async Task DeliverAsync_MessageRefused_FailsPermanentlyWithXsDetail(int status, string title, string detail)
    {
        x.FailWrites(status, title, detail);
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-8", MentionId, "Refused"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_ErrorsArray_ShowsItsMessages()
    {
        x.FailWrites(400, "Invalid Request", "One or more parameters to your request was invalid.", errors: new JsonArray(new JsonObject
        {
            ["parameters"] = new JsonObject { ["reply.in_reply_to_tweet_id"] = new JsonArray("1") },
            ["message"] = "The `reply.in_reply_to_tweet_id` query parameter value [1] is not valid",
        }));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-9", MentionId, "Refused"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_RateLimited_IsTransientWithRetryAfterUntilTheReset()
    {
        x.FailWrites(429, "Too Many Requests", "Too Many Requests", reset: TwitterSettings.Now.AddMinutes(7));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-10", MentionId, "Later"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Equal(TimeSpan.FromMinutes(7), error.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_ServerError_IsTransientAndTriedOnce()
    {
        x.FailWrites(503, "Service Unavailable", "Service Unavailable");
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-11", MentionId, "Later"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Single(x.Requests);
    }

    [Fact]
    public async Task DeliverAsync_281Characters_FailsPermanentlyNamingTheLimitAndSendsNothing()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(harness).DeliverAsync(Reply("evt-12", MentionId, new string('a', 281)), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("281", error.Message, StringComparison.Ordinal);
        Assert.Contains("280", error.Message, StringComparison.Ordinal);
        Assert.Empty(x.Requests);
    }

    [Fact]
    public async Task DeliverAsync_SameEventAgain_AnswersTheFirstReceiptWithoutPosting()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));
        var notifier = Notifier(harness);

        var first = await notifier.DeliverAsync(Reply("evt-13", MentionId, "Once"), CancellationToken.None);
        var again = await notifier.DeliverAsync(Reply("evt-13", MentionId, "Once"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(x.Requests);
    }

    [Fact]
    public async Task DeliverAsync_DuplicateOfAnotherPostsReply_FailsPermanentlyAskingToReword()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));
        await Notifier(harness).DeliverAsync(Reply("evt-14", "1866123456789012300", "Thanks!"), CancellationToken.None);
        using var other = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => Notifier(other).DeliverAsync(Reply("evt-15", MentionId, "Thanks!"), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("duplicate", error.Message, StringComparison.Ordinal);
        Assert.Single(x.Posts);
    }

    [Fact]
    public void Handles_XRepliesAndDirectMessagesOnly()
    {
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));
        var notifier = Notifier(harness);

        Assert.True(notifier.Handles(Reply("a", MentionId, "t")));
        Assert.True(notifier.Handles(DirectMessage("b", XUserFake.CustomerId, "t")));
        Assert.False(notifier.Handles(Reply("c", MentionId, "t") with { Type = "review.reply" }));
    }

    [Fact]
    public void Register_WithoutUserCredentials_AddsNoNotifier()
    {
        using var fake = new TwitterFake();
        using var harness = TwitterSettings.Harness(fake);

        Assert.Empty(harness.Provider.GetServices<INotifier>());
    }

    public void Dispose() => x.Dispose();

    private static TwitterReplyNotifier Notifier(AdapterHarness harness) => (TwitterReplyNotifier)harness.Notifier(TwitterReplyNotifier.NotifierName);
}
