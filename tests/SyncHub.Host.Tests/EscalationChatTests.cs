using System.Net;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Fakes;

namespace SyncHub.Host.Tests;

/// <summary>An escalation through the API reaches the team chat (WireMock playing Rocket.Chat) exactly once.</summary>
public sealed class EscalationChatTests : IDisposable
{
    private readonly RocketChatFake chat = new();

    private Dictionary<string, string?> Settings() => new()
    {
        ["SyncHub:Adapters:RocketChat:Enabled"] = "true",
        ["SyncHub:Adapters:RocketChat:BaseUrl"] = chat.Url,
        ["SyncHub:Adapters:RocketChat:UserId"] = RocketChatFake.UserId,
        ["SyncHub:Adapters:RocketChat:AuthToken"] = RocketChatFake.AuthToken,
        ["SyncHub:Adapters:RocketChat:DefaultChannel"] = "support",
        ["SyncHub:Escalation:Teams:developers"] = "support",
        ["SyncHub:Outbox:PollInterval"] = "00:00:00.050",
        ["SyncHub:Outbox:RetryDelay"] = "00:00:00.050",
        ["SyncHub:Outbox:MaxRetryDelay"] = "00:00:00.200",
    };

    [Fact]
    public async Task Escalate_ChatServerUpThenFlaky_PostsOneMessageMentioningTheAssignee()
    {
        chat.FailOnceThenAccept(503);
        await using var hub = await HubServer.StartAsync(Settings());
        using var created = await hub.Client.SendAsync(hub.Form(Forms.Valid("esc-1")));
        var body = await hub.JsonAsync(created);
        var id = body.GetProperty("id").GetString()!;
        var number = body.GetProperty("number").GetInt64();

        using var escalated = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/escalate", new { team = "developers", assignee = "joao.dev", note = "Login loop after upgrade" }));
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        await Eventually.WaitUntilAsync(() => chat.Sends.Any(s => s.ResponseMessage.StatusCode is 200));

        var posted = chat.Sends.Where(s => s.ResponseMessage.StatusCode is 200).Select(RocketChatFake.Body).ToList();
        var message = Assert.Single(posted)["message"]!.AsObject();
        var text = message["msg"]!.GetValue<string>();
        Assert.Contains("@joao.dev", text, StringComparison.Ordinal);
        Assert.Contains($"#{number}", text, StringComparison.Ordinal);
        Assert.Equal(RocketChatFake.SupportRoomId, message["rid"]!.GetValue<string>());
        var ids = chat.Sends.Select(RocketChatFake.Body).Select(b => b["message"]!["_id"]!.GetValue<string>()).Distinct();
        Assert.Single(ids);
    }

    public void Dispose() => chat.Dispose();
}
