using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Pipeline;

namespace SyncHub.Host.Tests;

/// <summary>The social and chat channels through the real host: Facebook and Rocket.Chat livechat webhooks, the Twitter poller's wiring.</summary>
public sealed class SocialIntakeTests
{
    private const string AppSecret = "fb-app-secret-host-test-51c2";
    private const string VerifyToken = "fb-verify-host-test";
    private const string LivechatSecret = "rc-livechat-host-secret-77e1";
    private const string PageId = "106358284731337";

    private static Task<HubServer> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Adapters:Facebook:Enabled"] = "true",
            ["SyncHub:Adapters:Facebook:AppSecret"] = AppSecret,
            ["SyncHub:Adapters:Facebook:VerifyToken"] = VerifyToken,
            ["SyncHub:Adapters:Livechat:Enabled"] = "true",
            ["SyncHub:Adapters:Livechat:Secret"] = LivechatSecret,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return HubServer.StartAsync(settings);
    }

    private static string Message(string mid, string text, string sender = "6754123987654321") => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = 1796126400123L,
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = sender },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = 1796126400000L,
                ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
            }),
        }),
    }.ToJsonString();

    private static HttpRequestMessage Facebook(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/facebook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return request;
    }

    private static string Sign(string body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static HttpRequestMessage Livechat(JsonObject body, string? token = LivechatSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/livechat") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add("X-RocketChat-Livechat-Token", token);
        }

        return request;
    }

    private static JsonObject OfflineMessage(string message = "We cannot upload files since yesterday.") => new()
    {
        ["type"] = "LivechatOfflineMessage",
        ["sentAt"] = "2026-11-30T11:58:01.123Z",
        ["visitor"] = new JsonObject { ["name"] = "Maria Oliveira", ["email"] = "maria@acme.example" },
        ["message"] = message,
    };

    [Fact]
    public async Task Post_SignedFacebookMessage_Returns200CreatedAndATicketWithChannelFacebook()
    {
        await using var hub = await StartAsync();
        var body = Message("m_host_1", "Our workspace is down since this morning");

        using var response = await hub.Client.SendAsync(Facebook(body, Sign(body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await hub.JsonAsync(response);
        Assert.False(answer.GetProperty("duplicate").GetBoolean());
        var ticket = await hub.TicketAsync(answer.GetProperty("id").GetString()!);
        Assert.Equal(Channel.Facebook, ticket.Channel);
        Assert.Equal(("Facebook", "m_host_1"), (ticket.Source, ticket.ExternalId));
        Assert.Equal("6754123987654321", ticket.Requester.Handle);
        Assert.Equal("Our workspace is down since this morning", ticket.Body);
        Assert.Equal("Facebook", ticket.History[0].Data!["channel"]);
    }

    [Fact]
    public async Task Post_SameFacebookMessageReplayed_Returns200DuplicateAndNoSecondTicket()
    {
        await using var hub = await StartAsync();
        var body = Message("m_host_2", "hello");

        using var first = await hub.Client.SendAsync(Facebook(body, Sign(body)));
        using var replay = await hub.Client.SendAsync(Facebook(body, Sign(body)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var a = await hub.JsonAsync(first);
        var b = await hub.JsonAsync(replay);
        Assert.True(b.GetProperty("duplicate").GetBoolean());
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal(1, await TicketCountAsync(hub));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("forged")]
    public async Task Post_FacebookWithAMissingOrForgedSignature_Returns401AndNoTicket(string? signature)
    {
        await using var hub = await StartAsync();
        var body = Message("m_host_3", "hello");

        using var response = await hub.Client.SendAsync(Facebook(body, signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Post_FacebookSignedWithAnotherAppsSecret_Returns401AndNoTicket()
    {
        await using var hub = await StartAsync();
        var body = Message("m_host_4", "hello");

        using var response = await hub.Client.SendAsync(Facebook(body, Sign(body, "another-apps-secret")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Post_SecondFacebookMessageFromTheSameSenderWithinTheWindow_LandsInTheFirstTicketsHistory()
    {
        await using var hub = await StartAsync();
        var opening = Message("m_host_5", "The mobile app crashes on login");
        var followUp = Message("m_host_6", "It also happens on the desktop app");

        using var first = await hub.Client.SendAsync(Facebook(opening, Sign(opening)));
        using var second = await hub.Client.SendAsync(Facebook(followUp, Sign(followUp)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await hub.JsonAsync(first);
        var b = await hub.JsonAsync(second);
        Assert.True(b.GetProperty("threaded").GetBoolean());
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        var ticket = await hub.TicketAsync(a.GetProperty("id").GetString()!);
        var threaded = Assert.Single(ticket.History, h => h.Type == HistoryTypes.Threaded);
        Assert.Equal("m_host_6", threaded.Data!["externalId"]);
        Assert.Equal("It also happens on the desktop app", threaded.Data["body"]);
        Assert.Equal(1, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Post_FacebookMessageFromAnotherSender_OpensItsOwnTicket()
    {
        await using var hub = await StartAsync();
        var one = Message("m_host_7", "first customer");
        var other = Message("m_host_8", "second customer", sender: "1234567890123456");

        using var first = await hub.Client.SendAsync(Facebook(one, Sign(one)));
        using var second = await hub.Client.SendAsync(Facebook(other, Sign(other)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, await TicketCountAsync(hub));
    }

    [Theory]
    [InlineData(VerifyToken, HttpStatusCode.OK)]
    [InlineData("wrong-token", HttpStatusCode.Forbidden)]
    public async Task Get_FacebookSubscriptionHandshake_AnswersTheChallengeOnlyForTheVerifyToken(string token, HttpStatusCode expected)
    {
        await using var hub = await StartAsync();

        using var response = await hub.Client.GetAsync($"/api/intake/facebook?hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(token)}&hub.challenge=1158201444");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Post_LivechatOfflineMessage_CreatesAChatTicketWithTheVisitorAsRequester()
    {
        await using var hub = await StartAsync();

        using var response = await hub.Client.SendAsync(Livechat(OfflineMessage()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal(Channel.Chat, ticket.Channel);
        Assert.Equal("Maria Oliveira", ticket.Requester.Name);
        Assert.Equal("maria@acme.example", ticket.Requester.Email);
        Assert.Equal("Offline message from Maria Oliveira", ticket.Subject);
        Assert.Equal("We cannot upload files since yesterday.", ticket.Body);
        Assert.Equal("Chat", ticket.History[0].Data!["channel"]);
    }

    [Fact]
    public async Task Post_LivechatDeliveredTwice_SecondIs200DuplicateOfTheSameTicket()
    {
        await using var hub = await StartAsync();

        using var first = await hub.Client.SendAsync(Livechat(OfflineMessage()));
        using var retry = await hub.Client.SendAsync(Livechat(OfflineMessage()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await hub.JsonAsync(retry)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await TicketCountAsync(hub));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("rc-livechat-host-secret-77e2")]
    public async Task Post_LivechatWithAMissingOrForgedToken_Returns401AndNoTicket(string? token)
    {
        await using var hub = await StartAsync();

        using var response = await hub.Client.SendAsync(Livechat(OfflineMessage(), token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Post_LivechatEventOtherThanAnOfflineMessage_Returns200AndNoTicket()
    {
        await using var hub = await StartAsync();
        var closed = new JsonObject { ["type"] = "LivechatSession", ["_id"] = "fasd6f5a4sd6f8a4sdf", ["visitor"] = new JsonObject { ["name"] = "Maria" } };

        using var response = await hub.Client.SendAsync(Livechat(closed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await TicketCountAsync(hub));
    }

    [Fact]
    public async Task Start_TwitterEnabled_RegistersItsPollerBesideTheWebhooks()
    {
        await using var hub = await StartAsync(new()
        {
            ["SyncHub:Adapters:Twitter:Enabled"] = "true",
            ["SyncHub:Adapters:Twitter:BearerToken"] = "host-test-bearer",
            ["SyncHub:Adapters:Twitter:UserId"] = "2244994945",
            // A closed loopback port: no test talks to the internet; the failing poll backs off.
            ["SyncHub:Adapters:Twitter:BaseUrl"] = "http://127.0.0.1:9",
            ["SyncHub:Adapters:Twitter:MaxRetryAttempts"] = "0",
        });

        var pollers = hub.App.Services.GetServices<PollingSourceDescriptor>().Select(d => d.Name);
        var webhooks = hub.App.Services.GetServices<SyncHub.Adapters.IWebhookSource>().Select(w => w.Route);

        Assert.Contains("Twitter", pollers);
        Assert.Contains("facebook", webhooks);
        Assert.Contains("livechat", webhooks);
    }

    private static async Task<int> TicketCountAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets"));
        return (await hub.JsonAsync(response)).GetProperty("items").GetArrayLength();
    }
}
