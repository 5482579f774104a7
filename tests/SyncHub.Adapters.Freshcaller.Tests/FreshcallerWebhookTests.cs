using System.Text;
using System.Text.Json.Nodes;
using SyncHub.Adapters;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

public sealed class FreshcallerWebhookTests : IDisposable
{
    private readonly FreshcallerFake freshcaller = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => FreshcallerSettings.Harness(freshcaller, settings);

    private static WebhookRequest Request(string json, string? secret = FreshcallerSettings.WebhookSecret, string header = "X-Webhook-Secret", string method = "POST")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (secret is not null)
        {
            headers[header] = secret;
        }

        return new WebhookRequest(method, headers, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public async Task ReadAsync_RightSecret_AcceptsTheCallAsAPhoneRecord()
    {
        using var sut = CreateSut();

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(new JsonObject { ["call"] = Call(501, "2026-11-30T11:58:00Z") }.ToJsonString()), CancellationToken.None);

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal(("Freshcaller", "501"), (record.Source, record.ExternalId));
        Assert.Equal("Hotline call from +5511987654321", record.Subject);
        Assert.Equal("freshcaller", sut.Webhook("freshcaller").Route);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hotline-relay-secret-7f3b")]
    [InlineData("hotline-relay-secret-7f3a-and-more")]
    public async Task ReadAsync_ForgedOrMissingSecret_IsUnauthorized(string? secret)
    {
        using var sut = CreateSut();

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(Call(501, "2026-11-30T11:58:00Z").ToJsonString(), secret), CancellationToken.None);

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_SecretInAnotherHeader_IsUnauthorized()
    {
        using var sut = CreateSut();

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(Call(501, "2026-11-30T11:58:00Z").ToJsonString(), header: "X-Api-Auth"), CancellationToken.None);

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_ConfiguredHeaderName_IsTheOneChecked()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["WebhookSecretHeader"] = "X-Hotline-Token" });

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(Call(501, "2026-11-30T11:58:00Z").ToJsonString(), header: "x-hotline-token"), CancellationToken.None);

        Assert.IsType<WebhookResult.Accepted>(result);
    }

    [Fact]
    public async Task ReadAsync_NoSecretConfigured_RefusesEveryRequest()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["WebhookSecret"] = "" });

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(Call(501, "2026-11-30T11:58:00Z").ToJsonString(), secret: ""), CancellationToken.None);

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_ProductEventPayload_AcceptsTheCallInside()
    {
        using var sut = CreateSut();
        var payload = new JsonObject
        {
            ["account_id"] = "31482",
            ["domain"] = "acme.freshcaller.com",
            ["event"] = "onCallUpdate",
            ["region"] = "US",
            ["timestamp"] = 1796122680,
            ["data"] = new JsonObject { ["actor"] = new JsonObject { ["type"] = "system" }, ["associations"] = new JsonObject(), ["call"] = Call(502, "2026-11-30T11:58:00Z") },
        };

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(payload.ToJsonString()), CancellationToken.None);

        Assert.Equal("502", Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records).ExternalId);
    }

    [Fact]
    public async Task ReadAsync_ChildLeg_IsARecordOnTheParentCallsThread()
    {
        using var sut = CreateSut();

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(Call(503, "2026-11-30T11:58:00Z", parentCallId: 501).ToJsonString()), CancellationToken.None);

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal("503", record.ExternalId);
        Assert.Equal("freshcaller:call:501", record.ThreadKey);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[]", "call")]
    [InlineData("""{"call":{"direction":"incoming"}}""", "id")]
    [InlineData("""{"call":{"id":{"x":1}}}""", "id")]
    public async Task ReadAsync_MalformedCall_IsInvalidNamingTheField(string json, string field)
    {
        using var sut = CreateSut();

        var result = await sut.Webhook("freshcaller").ReadAsync(Request(json), CancellationToken.None);

        var rejected = Assert.IsType<WebhookResult.Rejected>(result);
        Assert.Equal(400, rejected.Status);
        Assert.Equal(field, rejected.Field);
    }

    [Fact]
    public async Task ReadAsync_GetRequest_IsMethodNotAllowed()
    {
        using var sut = CreateSut();

        var result = await sut.Webhook("freshcaller").ReadAsync(Request("{}", method: "GET"), CancellationToken.None);

        Assert.Equal(405, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task SameCall_ByPollAndByWebhook_GivesTheSameSourceAndExternalId()
    {
        var call = Call(131489691, "2026-11-30T09:15:12.323Z");
        freshcaller.Page(1, 1, 1, call);
        using var sut = CreateSut();

        var polled = Assert.Single((await sut.Get<FreshcallerSource>().FetchAsync(null, CancellationToken.None)).Records);
        var posted = Assert.Single(Assert.IsType<WebhookResult.Accepted>(
            await sut.Webhook("freshcaller").ReadAsync(Request(call.ToJsonString()), CancellationToken.None)).Records);

        Assert.Equal((polled.Source, polled.ExternalId), (posted.Source, posted.ExternalId));
        Assert.Equal(polled.IdempotencyKey, posted.IdempotencyKey);
        Assert.Equal(polled.ReceivedAt, posted.ReceivedAt);
        Assert.Equal(polled.Requester, posted.Requester);
        Assert.Equal(polled.Diagnostics, posted.Diagnostics);
    }

    public void Dispose() => freshcaller.Dispose();
}
