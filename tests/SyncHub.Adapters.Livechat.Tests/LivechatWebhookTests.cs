using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Livechat.Tests.LivechatPayloads;

namespace SyncHub.Adapters.Livechat.Tests;

public sealed class LivechatWebhookTests
{
    private static AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => LivechatSettings.Harness(settings);

    [Fact]
    public async Task ReadAsync_OfflineMessageWithTheRightToken_BecomesAChatRecordWithTheVisitorAsRequester()
    {
        using var sut = CreateSut();

        var result = await sut.ReadAsync(Post(OfflineMessage().ToJsonString()));

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal("Livechat", record.Source);
        Assert.Equal(Channel.Chat, record.Channel);
        Assert.Equal(new Requester(Name: "Maria Oliveira", Email: "maria@acme.example"), record.Requester);
        Assert.Equal("Offline message from Maria Oliveira", record.Subject);
        Assert.Equal("Hello, we cannot upload files since yesterday.\nCan you help?", record.Body);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 58, 1, 123, TimeSpan.Zero), record.ReceivedAt);
        Assert.StartsWith("sha256:", record.ExternalId, StringComparison.Ordinal);
        Assert.Null(record.DepartmentHint);
        Assert.Equal("livechat", sut.Webhook("livechat").Route);
    }

    [Fact]
    public async Task ReadAsync_SameMessageDeliveredTwice_HasTheSameExternalId()
    {
        using var sut = CreateSut();
        var body = OfflineMessage().ToJsonString();

        var first = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(body))).Records);
        var retry = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(body))).Records);
        var later = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(OfflineMessage(sentAt: "2026-11-30T14:00:00.000Z").ToJsonString()))).Records);

        Assert.Equal(first.ExternalId, retry.ExternalId);
        Assert.NotEqual(first.ExternalId, later.ExternalId);
    }

    [Fact]
    public async Task ReadAsync_TwoMessagesOfOneVisitor_ShareTheVisitorsThreadSoTheSecondLandsOnTheTicket()
    {
        using var sut = CreateSut();

        var first = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(OfflineMessage().ToJsonString()))).Records);
        var later = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(OfflineMessage(sentAt: "2026-12-01T09:00:00.000Z").ToJsonString()))).Records);

        Assert.Equal("livechat:visitor:maria@acme.example", first.ThreadKey);
        Assert.Equal(first.ThreadKey, later.ThreadKey);
        Assert.NotEqual(first.ExternalId, later.ExternalId);
    }

    [Fact]
    public async Task ReadAsync_MessageIdFromRocketChat_IsTheExternalId()
    {
        using var sut = CreateSut();
        var body = OfflineMessage();
        body["_id"] = "hDsFSogcNXxdaqjNc";

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(body.ToJsonString()))).Records);

        Assert.Equal("hDsFSogcNXxdaqjNc", record.ExternalId);
    }

    [Theory]
    [InlineData("Support Brazil")]
    [InlineData(null)]
    public async Task ReadAsync_DepartmentSent_BecomesTheDepartmentHint(string? asObjectName)
    {
        using var sut = CreateSut();
        var body = OfflineMessage();
        body["department"] = asObjectName is null ? "Support Brazil" : new JsonObject { ["_id"] = "vWzQ3jXd7", ["name"] = asObjectName };

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(body.ToJsonString()))).Records);

        Assert.Equal("Support Brazil", record.DepartmentHint);
        Assert.Equal("Support Brazil", record.Diagnostics["department"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rc-livechat-secret-9b8a7d")]
    [InlineData("rc-livechat-secret-9b8a7c-longer")]
    public async Task ReadAsync_MissingOrWrongToken_Is401(string? token)
    {
        using var sut = CreateSut();

        var result = await sut.ReadAsync(Post(OfflineMessage().ToJsonString(), token));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("LivechatSession")]
    [InlineData("LivechatSessionTaken")]
    [InlineData("Message")]
    [InlineData("LivechatEdit")]
    public async Task ReadAsync_OtherEventType_IsAcceptedWithoutARecord(string type)
    {
        using var sut = CreateSut();
        var body = new JsonObject { ["type"] = type, ["_id"] = "fasd6f5a4sd6f8a4sdf", ["visitor"] = new JsonObject { ["name"] = "x" } };

        var result = await sut.ReadAsync(Post(body.ToJsonString()));

        Assert.Empty(Assert.IsType<WebhookResult.Accepted>(result).Records);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"type":"LivechatOfflineMessage","message":"hi"}""", "visitor")]
    [InlineData("""{"type":"LivechatOfflineMessage","visitor":{"name":"Ana"},"message":"  "}""", "message")]
    [InlineData("""{"type":"LivechatOfflineMessage","visitor":{},"message":"hi"}""", "visitor.email")]
    public async Task ReadAsync_MalformedOfflineMessage_IsInvalidNamingTheField(string body, string field)
    {
        using var sut = CreateSut();

        var rejected = Assert.IsType<WebhookResult.Rejected>(await sut.ReadAsync(Post(body)));

        Assert.Equal((400, field), (rejected.Status, rejected.Field));
    }

    [Fact]
    public async Task ReadAsync_VisitorWithoutAValidAddress_KeepsItInDiagnosticsOnly()
    {
        using var sut = CreateSut();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Post(OfflineMessage(email: "maria at acme").ToJsonString()))).Records);

        Assert.Null(record.Requester.Email);
        Assert.Equal("maria at acme", record.Diagnostics["visitorEmail"]);
    }

    [Fact]
    public async Task ReadAsync_GetRequest_IsMethodNotAllowed()
    {
        using var sut = CreateSut();

        Assert.Equal(405, Assert.IsType<WebhookResult.Rejected>(await sut.ReadAsync(Post("", method: "GET"))).Status);
    }

    [Fact]
    public async Task ReadAsync_NeverLogsTheMessageOrTheAddress()
    {
        using var sut = CreateSut();

        await sut.ReadAsync(Post(OfflineMessage(message: "our admin password leaked").ToJsonString()));

        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains("password leaked", StringComparison.Ordinal) || l.Message.Contains("maria@acme.example", StringComparison.Ordinal));
    }
}
