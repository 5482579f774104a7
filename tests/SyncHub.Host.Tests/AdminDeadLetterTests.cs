using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Redis;

namespace SyncHub.Host.Tests;

/// <summary>An admin replays dead letters over the API, through the running hub, on the Redis store.</summary>
public sealed class AdminDeadLetterTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replay_Admin_TurnsTheLettersOfASourceIntoTicketsAndAnswersTheCounts()
    {
        var settings = AgentIdentityTests.AgentSettings();
        settings["SyncHub:Store"] = "Redis";
        settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        settings["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix();
        await using var hub = await HubServer.StartAsync(settings);
        var letters = hub.App.Services.GetRequiredService<IDeadLetterStore>();
        await letters.AddAsync(Letter("WebForm", "form-1"));
        await letters.AddAsync(Letter("JsonFeed", "feed-1"));

        using var replay = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/dead-letters/replay", new { source = "WebForm" }, AgentIdentityTests.AnaKey));
        using var left = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/dead-letters", key: AgentIdentityTests.AnaKey));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var counts = await hub.JsonAsync(replay);
        Assert.Equal((2, 1, 1, 1), (counts.GetProperty("listed").GetInt32(), counts.GetProperty("created").GetInt32(), counts.GetProperty("removed").GetInt32(), counts.GetProperty("otherSource").GetInt32()));
        var item = Assert.Single((await hub.JsonAsync(left)).GetProperty("items").EnumerateArray());
        Assert.Equal("JsonFeed", item.GetProperty("source").GetString());
        var tickets = await hub.App.Services.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery());
        Assert.Equal("form-1", Assert.Single(tickets.Items).ExternalId);
    }

    private static DeadLetter Letter(string source, string externalId)
    {
        var record = new IntakeRecord
        {
            Source = source,
            ExternalId = externalId,
            Channel = Channel.Web,
            Requester = new Requester("Ana Souza", "ana@example.com"),
            Subject = "Cannot log in",
            Body = "The desktop app says my password is wrong.",
            ReceivedAt = At,
        };
        return new(source, externalId, "creation failed: TimeoutException", JsonSerializer.Serialize(record, SyncHubJson.Options), At);
    }
}
