using SyncHub.Domain;
using static SyncHub.Adapters.Facebook.Tests.FacebookPayloads;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>The reply route each webhook record carries: how an agent's answer goes back.</summary>
public sealed class FacebookReplyRouteTests
{
    private static async Task<IntakeRecord> ReadOneAsync(string body, IDictionary<string, string?>? settings = null)
    {
        using var sut = FacebookSettings.Harness(settings);
        return Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);
    }

    [Fact]
    public async Task Message_RouteIsAMessengerAnswerToTheSenderOpenForADay()
    {
        var record = await ReadOneAsync(Page(Entry(messaging: [Message("m_1", "Hi, the app does not open")])).ToJsonString());

        var route = Assert.IsType<ReplyRoute>(record.ReplyRoute);
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(1796126400000L);
        Assert.Equal("facebook.message", route.EventType);
        Assert.Equal(
            new Dictionary<string, string> { ["pageId"] = PageId, ["recipientId"] = CustomerPsid, ["lastMessageAt"] = "2026-12-01T12:00:00.0000000Z" },
            route.Data);
        Assert.Equal($"Messenger to {CustomerPsid}", route.Destination);
        Assert.Equal("SyncHub:Adapters:Facebook:PageAccessToken", route.Setting);
        Assert.Equal(sentAt.AddHours(24), route.Until);
    }

    [Fact]
    public async Task Message_WithTheHumanAgentTag_RouteIsOpenForSevenDays()
    {
        var record = await ReadOneAsync(Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString(), new Dictionary<string, string?> { ["UseHumanAgentTag"] = "true" });

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796126400000L).AddDays(7), record.ReplyRoute!.Until);
    }

    [Fact]
    public async Task Comment_RouteIsAPublicReplyUnderTheComment()
    {
        var record = await ReadOneAsync(Page(Entry(changes: [Comment("987654321_1122334455", "Still broken on Android")])).ToJsonString());

        var route = Assert.IsType<ReplyRoute>(record.ReplyRoute);
        Assert.Equal("facebook.comment", route.EventType);
        Assert.Equal(new Dictionary<string, string> { ["commentId"] = "987654321_1122334455", ["pageId"] = PageId }, route.Data);
        Assert.Equal("public reply to Carlos Lima's comment on Facebook", route.Destination);
        Assert.Equal("SyncHub:Adapters:Facebook:PageAccessToken", route.Setting);
        Assert.Null(route.Until);
    }

    [Fact]
    public async Task MessageWithoutSender_HasNoRoute()
    {
        var messaging = Message("m_1", "hello");
        messaging.Remove("sender");

        var record = await ReadOneAsync(Page(Entry(messaging: [messaging])).ToJsonString());

        Assert.Null(record.ReplyRoute);
    }
}
