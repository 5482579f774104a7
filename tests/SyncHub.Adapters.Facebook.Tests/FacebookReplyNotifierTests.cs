using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Facebook.Tests.FacebookSettings;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookReplyNotifierTests : IDisposable
{
    private const string Text = "Hi! Version 4.2.1 fixes the crash; please update.";

    private readonly FacebookGraphFake graph = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => new(new FacebookModule(), Replying(graph, settings));

    private static Task<DeliveryReceipt> DeliverAsync(AdapterHarness sut, OutboxEvent outboxEvent) =>
        sut.Notifier(FacebookReplyNotifier.NotifierName).DeliverAsync(outboxEvent, CancellationToken.None);

    [Fact]
    public async Task DeliverAsync_WithinTheWindow_SendsAResponseToTheSenderAndReturnsTheMessageId()
    {
        graph.Accept();
        using var sut = CreateSut();

        var receipt = await DeliverAsync(sut, Answer(Text, Now.AddHours(-2)));

        var post = Assert.Single(graph.Requests(FacebookGraphFake.MessagesPath));
        Assert.Equal("POST", post.RequestMessage.Method);
        Assert.Equal(FacebookGraphFake.Token, FacebookGraphFake.Query(post, "access_token"));
        Assert.StartsWith("application/json", post.RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(
            new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = FacebookPayloads.CustomerPsid },
                ["messaging_type"] = "RESPONSE",
                ["message"] = new JsonObject { ["text"] = Text },
            },
            FacebookGraphFake.Body(post)));
        Assert.Equal(graph.Messages.Single().Id, receipt.ToolMessageId);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 7111);
    }

    [Fact]
    public async Task DeliverAsync_AfterTheDayWithTheHumanAgentTag_SendsATaggedMessage()
    {
        graph.Accept();
        using var sut = CreateSut(new Dictionary<string, string?> { ["UseHumanAgentTag"] = "true" });
        var answer = Answer(Text, Now);
        sut.Time.Advance(TimeSpan.FromHours(25));

        await DeliverAsync(sut, answer);

        var body = FacebookGraphFake.Body(Assert.Single(graph.Requests(FacebookGraphFake.MessagesPath)));
        Assert.Equal("MESSAGE_TAG", (string?)body["messaging_type"]);
        Assert.Equal("HUMAN_AGENT", (string?)body["tag"]);
        Assert.Equal(Text, (string?)body["message"]!["text"]);
    }

    [Fact]
    public async Task DeliverAsync_AtTheEndOfTheDay_IsStillAResponse()
    {
        graph.Accept();
        using var sut = CreateSut();
        var answer = Answer(Text, Now);
        sut.Time.Advance(TimeSpan.FromHours(24));

        await DeliverAsync(sut, answer);

        Assert.Equal("RESPONSE", (string?)FacebookGraphFake.Body(Assert.Single(graph.Requests(FacebookGraphFake.MessagesPath)))["messaging_type"]);
    }

    [Fact]
    public async Task DeliverAsync_AfterTheDayWithoutTheTag_IsRefusedForGoodNamingTheWindowWithoutCallingFacebook()
    {
        graph.Accept();
        using var sut = CreateSut();
        var answer = Answer(Text, Now);
        sut.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, answer));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("24-hour window", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseHumanAgentTag", error.Message, StringComparison.Ordinal);
        Assert.Empty(graph.Posts);
    }

    [Fact]
    public async Task DeliverAsync_AfterSevenDaysEvenWithTheTag_IsRefusedForGood()
    {
        graph.Accept();
        using var sut = CreateSut(new Dictionary<string, string?> { ["UseHumanAgentTag"] = "true" });
        var answer = Answer(Text, Now);
        sut.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, answer));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("7 days", error.Message, StringComparison.Ordinal);
        Assert.Empty(graph.Posts);
    }

    [Fact]
    public async Task DeliverAsync_TextOverTheSendApiLimit_IsRefusedNamingTheLimitAndNeverCut()
    {
        graph.Accept();
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Answer(new string('a', 2001), Now)));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("2001", error.Message, StringComparison.Ordinal);
        Assert.Contains("2000", error.Message, StringComparison.Ordinal);
        Assert.Empty(graph.Posts);
    }

    [Fact]
    public async Task DeliverAsync_TextAtTheLimit_IsSentWhole()
    {
        graph.Accept();
        using var sut = CreateSut();
        var text = new string('a', 2000);

        await DeliverAsync(sut, Answer(text, Now));

        Assert.Equal(text, graph.Messages.Single().Text);
    }

    [Fact]
    public async Task DeliverAsync_Comment_PostsAPublicReplyAndReturnsItsId()
    {
        graph.Accept();
        using var sut = CreateSut();

        var receipt = await DeliverAsync(sut, CommentAnswer("Thanks, Carlos! We are on it."));

        var post = Assert.Single(graph.Posts);
        Assert.Equal(FacebookGraphFake.CommentsPath, post.RequestMessage.Path);
        Assert.Equal(FacebookGraphFake.Token, FacebookGraphFake.Query(post, "access_token"));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["message"] = "Thanks, Carlos! We are on it." }, FacebookGraphFake.Body(post)));
        Assert.Equal(graph.Replies.Single().Id, receipt.ToolMessageId);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 7112);
    }

    [Fact]
    public async Task DeliverAsync_MessageAlreadyShownAfterALostAnswer_IsNotSentTwice()
    {
        graph.Accept();
        var answer = Answer(Text, Now.AddHours(-1));
        using (var first = CreateSut())
        {
            await DeliverAsync(first, answer);
        }

        using var second = CreateSut();
        var receipt = await DeliverAsync(second, answer);

        Assert.Single(graph.Messages);
        Assert.Equal(graph.Messages.Single().Id, receipt.ToolMessageId);
        var lookup = graph.Requests(FacebookGraphFake.ConversationsPath)[^1];
        Assert.Equal(FacebookPayloads.CustomerPsid, FacebookGraphFake.Query(lookup, "user_id"));
        Assert.Equal("messages.limit(20){id,message,from,created_time}", FacebookGraphFake.Query(lookup, "fields"));
        Assert.Contains(second.Logs.GetSnapshot(), l => l.Id.Id == 7113);
    }

    [Fact]
    public async Task DeliverAsync_SameTextAnsweringALaterMessage_IsSentAgain()
    {
        graph.Accept();
        using var sut = CreateSut();
        await DeliverAsync(sut, Answer("Thanks!", Now.AddHours(-3), "t:reply:1"));

        // The customer wrote again after the page's answer: the same words answer a new message.
        await DeliverAsync(sut, Answer("Thanks!", Now.AddMinutes(5), "t:reply:2"));

        Assert.Equal(2, graph.Messages.Count);
    }

    [Fact]
    public async Task DeliverAsync_CommentReplyAlreadyPosted_IsNotPostedTwice()
    {
        graph.Accept();
        using var sut = CreateSut();
        var answer = CommentAnswer("Thanks, Carlos!");

        await DeliverAsync(sut, answer);
        var again = await DeliverAsync(sut, answer);

        Assert.Single(graph.Replies);
        Assert.Equal(graph.Replies.Single().Id, again.ToolMessageId);
    }

    [Theory]
    [InlineData(400, 190, null, "OAuthException", DeliveryFailureKind.Unauthorized)]
    [InlineData(400, 190, 463, "OAuthException", DeliveryFailureKind.Unauthorized)]
    [InlineData(403, 10, null, "OAuthException", DeliveryFailureKind.Unauthorized)]
    [InlineData(400, 200, 2018028, "OAuthException", DeliveryFailureKind.Unauthorized)]
    [InlineData(400, 230, null, "OAuthException", DeliveryFailureKind.Unauthorized)]
    [InlineData(400, 10, 2018278, "OAuthException", DeliveryFailureKind.Permanent)]
    [InlineData(400, 551, 1545041, "OAuthException", DeliveryFailureKind.Permanent)]
    [InlineData(400, 100, 2018001, "OAuthException", DeliveryFailureKind.Permanent)]
    [InlineData(400, 100, null, "GraphMethodException", DeliveryFailureKind.Permanent)]
    [InlineData(400, 4, null, "OAuthException", DeliveryFailureKind.Transient)]
    [InlineData(400, 17, null, "OAuthException", DeliveryFailureKind.Transient)]
    [InlineData(400, 32, null, "OAuthException", DeliveryFailureKind.Transient)]
    [InlineData(400, 613, null, "OAuthException", DeliveryFailureKind.Transient)]
    [InlineData(400, 1200, null, "OAuthException", DeliveryFailureKind.Transient)]
    [InlineData(500, 2, null, "OAuthException", DeliveryFailureKind.Transient)]
    [InlineData(503, 1, null, "OAuthException", DeliveryFailureKind.Transient)]
    public async Task DeliverAsync_GraphError_IsClassifiedByItsCode(int status, int code, int? subcode, string type, DeliveryFailureKind expected)
    {
        graph.Accept();
        graph.Fail(FacebookGraphFake.MessagesPath, status, code, subcode, "Graph says no", type);
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Answer(Text, Now)));

        Assert.Equal(expected, error.Kind);
        Assert.Contains("Graph says no", error.Message, StringComparison.Ordinal);
        Assert.Contains($"code {code}", error.Message, StringComparison.Ordinal);
        Assert.Contains("fbtrace_id AbCdEf1234_x", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FacebookGraphFake.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_RateLimitedWithRetryAfter_IsTransientWithTheWait()
    {
        graph.Accept();
        graph.Fail(FacebookGraphFake.MessagesPath, 400, 613, null, "Calls to this api have exceeded the rate limit.", retryAfter: "120");
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Answer(Text, Now)));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_UnknownComment_IsPermanent()
    {
        graph.Accept();
        graph.Fail(FacebookGraphFake.CommentsPath, 400, 100, 33, "Unsupported post request. Object with ID '106358284731337_9182736455' does not exist", "GraphMethodException");
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, CommentAnswer("Thanks!")));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_NoAnswerWithinTheTimeout_IsTransient()
    {
        graph.Accept();
        graph.AnswerSlowly(FacebookGraphFake.MessagesPath, TimeSpan.FromSeconds(5));
        using var sut = CreateSut(new Dictionary<string, string?> { ["Timeout"] = "00:00:00.200" });

        // The per-call timeout runs on the adapter's clock.
        var error = await Assert.ThrowsAsync<DeliveryException>(() => sut.PumpAsync(DeliverAsync(sut, Answer(Text, Now)), TimeSpan.FromMilliseconds(100)));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_RefusedToken_IsUnauthorizedNamingTheSettingWithoutTheToken()
    {
        graph.Accept();
        using var sut = CreateSut(new Dictionary<string, string?> { ["PageAccessToken"] = "EAAGwrongtoken" });

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Answer(Text, Now)));

        Assert.Equal(DeliveryFailureKind.Unauthorized, error.Kind);
        Assert.Contains("SyncHub:Adapters:Facebook:PageAccessToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAGwrongtoken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains("EAAGwrongtoken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverAsync_EventWithoutRecipient_IsRefusedNamingTheKey()
    {
        using var sut = CreateSut();
        var answer = Answer(Text, Now);
        answer = answer with { Data = answer.Data.Where(kv => kv.Key != FacebookReplyEvents.RecipientId).ToDictionary() };

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, answer));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("recipientId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FacebookReplyEvents.Message, null, true)]
    [InlineData(FacebookReplyEvents.Comment, null, true)]
    [InlineData(FacebookReplyEvents.Message, "FacebookReply", true)]
    [InlineData(FacebookReplyEvents.Message, "Facebook", true)]
    [InlineData(FacebookReplyEvents.Message, "RocketChat", false)]
    [InlineData(ReviewEvents.Reply, null, false)]
    [InlineData(ChatEvents.Message, null, false)]
    public void Handles_FacebookAnswersOnly(string type, string? target, bool expected)
    {
        using var sut = CreateSut();

        Assert.Equal(expected, sut.Notifier(FacebookReplyNotifier.NotifierName).Handles(Answer(Text, Now) with { Type = type, Target = target }));
    }

    public void Dispose() => graph.Dispose();
}
