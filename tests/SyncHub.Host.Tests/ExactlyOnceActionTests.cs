using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Redis;

namespace SyncHub.Host.Tests;

/// <summary>
/// Agent actions on a real Redis behind a proxy that lets the write through and keeps Redis's answer back: the hub
/// answers 503 after the change was stored, and the client's retry with the same Idempotency-Key changes nothing.
/// </summary>
public sealed class ExactlyOnceActionTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("reply", HistoryTypes.Reply, MailEvents.Reply)]
    [InlineData("escalate", HistoryTypes.Escalated, ChatEvents.Message)]
    [InlineData("note", HistoryTypes.InternalNote, null)]
    [InlineData("follow-up", HistoryTypes.FollowUp, null)]
    public async Task Action_RetriedAfterThe503OfAStoredChange_LeavesOneEntryAndOneDelivery(string action, string historyType, string? eventType)
    {
        await using var proxy = new HoldingProxy(new IPEndPoint(IPAddress.Loopback, redis.Port));
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{proxy.Port},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
            ["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix(),
        };
        var notifier = new RecordingNotifier("Recorder", MailEvents.Reply, ChatEvents.Message);
        await using var hub = await HubServer.StartAsync(settings, services => services.AddSingleton<INotifier>(notifier));
        using var created = await hub.Client.SendAsync(hub.Form(Forms.Valid(Guid.NewGuid().ToString("N"))));
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString()!;
        var key = $"retry-{Guid.NewGuid():N}";
        object body = action switch
        {
            "reply" => new { message = "Reset it from the login page." },
            "escalate" => new { team = "developers", assignee = "joao", note = "crash on start" },
            "follow-up" => new { documentation = "Improve", documentationLink = "https://docs.example.com/login", bug = "None", feature = "None" },
            _ => new { text = "She called about it too" },
        };

        if (action == "follow-up")
        {
            // The closed-ticket follow-up is recorded on solved tickets.
            using var solved = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Solved" }));
            solved.EnsureSuccessStatusCode();
        }

        proxy.HoldRepliesAfter(key);
        using var first = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/{action}", body), key));
        proxy.Release();
        using var retry = await SendUntilAnsweredAsync(hub, () => WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/{action}", body), key));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.True(first.Headers.RetryAfter is not null, "the 503 names a Retry-After");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var store = hub.App.Services.GetRequiredService<ITicketStore>();
        var ticket = (await store.GetAsync(id))!;
        Assert.Single(ticket.History, h => h.Type == historyType);
        if (eventType is not null)
        {
            var outbox = await store.ReadOutboxAsync(null, 100);
            Assert.Single(outbox, e => e.Event.Type == eventType && e.Event.TicketId == id && (eventType != ChatEvents.Message || e.Event.Data[ChatEvents.Kind] == "escalation"));
        }
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>Retries as a client would after a 503: until the hub answers something else (the store is back).</summary>
    private static async Task<HttpResponseMessage> SendUntilAnsweredAsync(HubServer hub, Func<HttpRequestMessage> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await hub.Client.SendAsync(request());
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(500);
        }
    }
}
