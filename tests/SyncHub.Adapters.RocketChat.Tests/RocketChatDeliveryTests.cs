using System.Net;
using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using SyncHub.Testing.Fakes;
using static SyncHub.Adapters.RocketChat.Tests.RocketChatSettings;

namespace SyncHub.Adapters.RocketChat.Tests;

/// <summary>What <see cref="INotifier.DeliverAsync"/> answers: the receipt, and each refusal's classification.</summary>
public sealed class RocketChatDeliveryTests : IDisposable
{
    private readonly RocketChatFake rocketChat = new();
    private readonly RocketChatRateLimitedServer limited = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => Harness(rocketChat, settings);

    private AdapterHarness CreateLimitedSut() => CreateSut(new Dictionary<string, string?> { ["BaseUrl"] = limited.Url });

    private static Task<DeliveryReceipt> DeliverAsync(AdapterHarness sut, OutboxEvent outboxEvent) =>
        sut.Notifier(RocketChatNotifier.NotifierName).DeliverAsync(outboxEvent, CancellationToken.None);

    [Fact]
    public async Task DeliverAsync_Posted_ReceiptIsTheStoredMessageId()
    {
        rocketChat.AcceptMessages();
        using var sut = CreateSut();

        var receipt = await DeliverAsync(sut, Escalation());

        Assert.Equal("jC9chsFddTvsbFQG7", receipt.ToolMessageId);
    }

    [Fact]
    public async Task DeliverAsync_AlreadyPostedByAnEarlierAttempt_ReceiptIsTheEventsMessageId()
    {
        rocketChat.StoreMessages();
        using var sut = CreateSut();

        var first = await DeliverAsync(sut, Escalation());
        var again = await DeliverAsync(sut, Escalation());

        Assert.Equal(RocketChatMessageId.From("1796122680000-0"), first.ToolMessageId);
        Assert.Equal(first, again);
        Assert.Single(rocketChat.Stored);
    }

    [Fact]
    public async Task DeliverAsync_IncomingWebhook_ReceiptHasNoId()
    {
        rocketChat.Hook(200);
        using var sut = CreateSut(new Dictionary<string, string?> { ["UserId"] = "", ["AuthToken"] = "", ["WebhookUrl"] = rocketChat.HookUrl });

        var receipt = await DeliverAsync(sut, Escalation());

        Assert.Null(receipt.ToolMessageId);
    }

    [Fact]
    public async Task DeliverAsync_RateLimited_IsTransientWithTheWaitUntilXRateLimitReset()
    {
        using var sut = CreateLimitedSut();
        limited.Limit(429, sut.Time.GetUtcNow().AddSeconds(42.5));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation()));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(42_500), error.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, Assert.IsType<RocketChatException>(error.InnerException).StatusCode);
        Assert.Contains("rate limiting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_RateLimitedErrorBodyWithAnotherStatus_IsTransientWithTheReset()
    {
        using var sut = CreateLimitedSut();
        limited.Limit(400, sut.Time.GetUtcNow().AddSeconds(10));

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation()));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), error.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_RateLimitedWithoutResetHeader_WaitsTheSecondsTheErrorNames()
    {
        using var sut = CreateLimitedSut();
        limited.Limit(429, reset: null);

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation()));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(55), error.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_ResetAlreadyPassed_IsTransientWithoutAWait()
    {
        using var sut = CreateLimitedSut();
        limited.Limit(429, sut.Time.GetUtcNow().AddSeconds(-5), "too many requests [error-too-many-requests]");

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation()));

        Assert.Equal(DeliveryFailureKind.Transient, error.Kind);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_UnknownRoom_IsPermanentWithRocketChatsReason()
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation(channel: "#nowhere")));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("error-room-not-found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "error-invalid-room")]
    [InlineData(404, "Not Found")]
    public async Task DeliverAsync_PostRefused_IsPermanentWithTheReason(int status, string reason)
    {
        rocketChat.AnswerMessages(status, new JsonObject { ["success"] = false, ["error"] = reason });
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation()));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_CredentialsRefused_IsUnauthorized()
    {
        rocketChat.RejectCredentials();
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => DeliverAsync(sut, Escalation()));

        Assert.Equal(DeliveryFailureKind.Unauthorized, error.Kind);
    }

    public void Dispose()
    {
        limited.Dispose();
        rocketChat.Dispose();
    }
}
