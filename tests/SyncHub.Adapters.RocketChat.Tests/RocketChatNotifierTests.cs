using System.Net;
using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.RocketChat.Tests.RocketChatSettings;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

public sealed class RocketChatNotifierTests : IDisposable
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

    private readonly RocketChatFake rocketChat = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => RocketChatSettings.Harness(rocketChat, settings);

    [Fact]
    public async Task SendAsync_RestApi_PostsTheFormattedMessageToTheRoomWithAStableId()
    {
        rocketChat.AcceptMessages();
        using var sut = CreateSut();

        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None);

        var send = Assert.Single(rocketChat.Sends);
        Assert.Equal(RocketChatFake.UserId, send.RequestMessage.Headers!["X-User-Id"].Single());
        Assert.Equal(RocketChatFake.AuthToken, send.RequestMessage.Headers!["X-Auth-Token"].Single());
        var message = RocketChatFake.Body(send)["message"]!.AsObject();
        Assert.Equal(RocketChatFake.SupportRoomId, (string?)message["rid"]);
        var id = (string)message["_id"]!;
        Assert.Equal(17, id.Length);
        Assert.All(id, c => Assert.Contains(c, Alphabet));
        Assert.Equal(RocketChatMessageId.From("1796122680000-0"), id);
        Assert.Equal(
            "@ana.souza *Escalated to developers* · ticket #10423\n" +
            "Priority: *High* · SLA due: 2026-11-30 09:30 (America/Sao_Paulo)\n" +
            "Subject: Hotline call from +5511987654321\n" +
            "```\nLogin fails for every user since the 6.4 upgrade.\nCustomer on the hotline.\n```\n" +
            "https://support.example.com/#/tickets/10423",
            (string?)message["msg"]);
        Assert.Equal("support", RocketChatFake.Query(Assert.Single(rocketChat.Requests("/api/v1/rooms.info")), "roomName"));
    }

    [Fact]
    public async Task SendAsync_SameEventTwice_PostsTheSameIdAndDifferentEventsDifferentIds()
    {
        rocketChat.AcceptMessages();
        using var sut = CreateSut();

        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation("1796122680000-0"), CancellationToken.None);
        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation("1796122680000-0"), CancellationToken.None);
        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation("1796122680000-1"), CancellationToken.None);

        var ids = rocketChat.Sends.Select(s => (string?)RocketChatFake.Body(s)["message"]!["_id"]).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.Single(rocketChat.Requests("/api/v1/rooms.info"));
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenRetry_ThrowsFirstAndTheRetryPostsTheSameId()
    {
        rocketChat.FailOnceThenAccept(500);
        using var sut = CreateSut();
        var alert = Escalation();

        var error = await Assert.ThrowsAsync<RocketChatException>(() => sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(alert, CancellationToken.None));
        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(alert, CancellationToken.None);

        Assert.IsNotType<RocketChatRejectedException>(error);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        var ids = rocketChat.Sends.Select(s => (string?)RocketChatFake.Body(s)["message"]!["_id"]).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task SendAsync_DuplicateIdRefusedByTheDatabase_CountsAsDelivered()
    {
        var id = RocketChatMessageId.From("1796122680000-0");
        rocketChat.AnswerMessages(400, new JsonObject
        {
            ["success"] = false,
            ["error"] = $"E11000 duplicate key error collection: rocketchat.rocketchat_message index: _id_ dup key: {{ _id: \"{id}\" }}",
        });
        using var sut = CreateSut();

        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None);

        Assert.Single(rocketChat.Sends);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 6502);
    }

    [Fact]
    public async Task SendAsync_DuplicateIdAnsweredWithAnotherErrorAndTheMessageExists_CountsAsDelivered()
    {
        var id = RocketChatMessageId.From("1796122680000-0");
        rocketChat.AnswerMessages(400, new JsonObject { ["success"] = false, ["error"] = "Cannot read properties of undefined (reading 'starred')" });
        rocketChat.HasMessage(id);
        using var sut = CreateSut();

        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None);

        Assert.Equal(id, RocketChatFake.Query(Assert.Single(rocketChat.Requests("/api/v1/chat.getMessage")), "msgId"));
    }

    [Fact]
    public async Task SendAsync_BadRequestAndNoSuchMessage_ThrowsRejected()
    {
        rocketChat.AnswerMessages(400, new JsonObject { ["success"] = false, ["error"] = "error-not-allowed" });
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None));

        Assert.Contains("error-not-allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadToken_ThrowsRejectedNamingTheKeysWithoutTheToken()
    {
        rocketChat.RejectCredentials();
        using var sut = CreateSut(new Dictionary<string, string?> { ["Timeout"] = "00:00:30" });

        var error = await Assert.ThrowsAsync<DeliveryException>(() => sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Unauthorized, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, Assert.IsType<RocketChatRejectedException>(error.InnerException).StatusCode);
        Assert.Contains("SyncHub:Adapters:RocketChat:UserId", error.Message, StringComparison.Ordinal);
        Assert.Contains(":AuthToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RocketChatFake.AuthToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(RocketChatFake.AuthToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_AnswerSlowerThanTheTimeout_ThrowsARetryableError()
    {
        rocketChat.AnswerSlowly(TimeSpan.FromSeconds(5));
        using var sut = CreateSut(new Dictionary<string, string?> { ["Timeout"] = "00:00:00.200" });

        // The per-call timeout runs on the adapter's clock.
        var error = await Assert.ThrowsAsync<RocketChatException>(() => sut.PumpAsync(sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None), TimeSpan.FromMilliseconds(100)));

        Assert.IsNotType<RocketChatRejectedException>(error);
        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UnknownRoom_ThrowsRejectedNamingTheRoom()
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(channel: "#nowhere"), CancellationToken.None));

        Assert.Contains("'#nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Empty(rocketChat.Sends);
    }

    [Fact]
    public async Task SendAsync_EventNamesAUser_PostsToTheDirectMessageRoom()
    {
        rocketChat.AcceptMessages();
        using var sut = CreateSut();

        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(channel: "@ana.souza"), CancellationToken.None);

        Assert.Equal("ana.souza", (string?)RocketChatFake.Body(Assert.Single(rocketChat.Requests("/api/v1/im.create")))["username"]);
        Assert.Equal(RocketChatFake.DirectRoomId, (string?)RocketChatFake.Body(Assert.Single(rocketChat.Sends))["message"]!["rid"]);
    }

    [Fact]
    public async Task SendAsync_WebhookUrlOnly_PostsTextAndChannelToTheHook()
    {
        rocketChat.Hook(200);
        using var sut = CreateSut(new Dictionary<string, string?>
        {
            ["UserId"] = "",
            ["AuthToken"] = "",
            ["BaseUrl"] = null,
            ["WebhookUrl"] = rocketChat.HookUrl,
        });

        await sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(channel: "escalations"), CancellationToken.None);

        var post = Assert.Single(rocketChat.Requests(RocketChatFake.HookPath));
        var body = RocketChatFake.Body(post);
        Assert.Equal("#escalations", (string?)body["channel"]);
        Assert.StartsWith("@ana.souza *Escalated to developers* · ticket #10423", (string?)body["text"], StringComparison.Ordinal);
        Assert.False(post.RequestMessage.Headers!.ContainsKey("X-Auth-Token"));
        Assert.Empty(rocketChat.Sends);
    }

    [Fact]
    public async Task SendAsync_WebhookRefuses_ThrowsRejectedWithoutTheUrl()
    {
        rocketChat.Hook(404);
        using var sut = CreateSut(new Dictionary<string, string?> { ["UserId"] = "", ["AuthToken"] = "", ["WebhookUrl"] = rocketChat.HookUrl });

        var error = await Assert.ThrowsAsync<DeliveryException>(() => sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None));

        Assert.Contains("SyncHub:Adapters:RocketChat:WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RocketChatFake.HookPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WebhookServerError_ThrowsARetryableError()
    {
        rocketChat.Hook(502);
        using var sut = CreateSut(new Dictionary<string, string?> { ["UserId"] = "", ["AuthToken"] = "", ["WebhookUrl"] = rocketChat.HookUrl });

        var error = await Assert.ThrowsAsync<RocketChatException>(() => sut.Notifier(RocketChatNotifier.NotifierName).SendAsync(Escalation(), CancellationToken.None));

        Assert.IsNotType<RocketChatRejectedException>(error);
    }

    [Theory]
    [InlineData(ChatEvents.Message, null, true)]
    [InlineData(ChatEvents.Message, "RocketChat", true)]
    [InlineData(ChatEvents.Message, "Slack", false)]
    [InlineData(OutboxEventTypes.TicketCreated, null, false)]
    [InlineData(MailEvents.FollowUp, null, false)]
    public void Handles_EventTypeAndTarget_OnlyChatMessagesForRocketChat(string type, string? target, bool expected)
    {
        using var sut = CreateSut();

        Assert.Equal(expected, sut.Notifier(RocketChatNotifier.NotifierName).Handles(Escalation() with { Type = type, Target = target }));
        Assert.Equal("RocketChat", sut.Notifier(RocketChatNotifier.NotifierName).Name);
    }

    public void Dispose() => rocketChat.Dispose();
}
