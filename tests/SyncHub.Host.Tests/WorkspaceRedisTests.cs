using System.Net;
using SyncHub.Domain;
using SyncHub.Host.Auth;
using SyncHub.Testing.Redis;
using SyncHub.Workflow;

namespace SyncHub.Host.Tests;

/// <summary>
/// The workspace on the Redis store: two hub instances on one Redis share the agents' availability, the round-robin's
/// rotation and the canned answers; the checklist and the assignee are stored with the ticket, each action once per key.
/// </summary>
public sealed class WorkspaceRedisTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string AnaKey = "ana-redis-key-1";
    private const string BrunoKey = "bruno-redis-key-2";
    private const string CarlaKey = "carla-redis-key-3";

    private Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["SyncHub:Store"] = "Redis",
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["SyncHub:Redis:KeyPrefix"] = prefix,
        ["SyncHub:Assignment:RoundRobin"] = "true",
        ["SyncHub:Agents:ana:Name"] = "Ana Silva",
        ["SyncHub:Agents:ana:KeyHash"] = KeyHash.Of(AnaKey),
        ["SyncHub:Agents:bruno:Name"] = "Bruno Costa",
        ["SyncHub:Agents:bruno:KeyHash"] = KeyHash.Of(BrunoKey),
        ["SyncHub:Agents:carla:Name"] = "Carla Dias",
        ["SyncHub:Agents:carla:Role"] = "Admin",
        ["SyncHub:Agents:carla:KeyHash"] = KeyHash.Of(CarlaKey),
    };

    [Fact]
    public async Task TwoInstances_ShareAvailabilityTheRotationAndTheCannedAnswers()
    {
        var prefix = redis.NewPrefix();
        await using var one = await HubServer.StartAsync(Settings(prefix));
        await using var other = await HubServer.StartAsync(Settings(prefix));

        (await one.Client.SendAsync(one.Api(HttpMethod.Post, "/api/agents/me/availability", new { available = true }, AnaKey))).EnsureSuccessStatusCode();
        (await other.Client.SendAsync(other.Api(HttpMethod.Post, "/api/agents/me/availability", new { available = true }, BrunoKey))).EnsureSuccessStatusCode();
        using var seen = await other.Client.SendAsync(other.Api(HttpMethod.Get, "/api/agents/me/availability", key: AnaKey));
        var assignees = new List<string?>();
        foreach (var hub in new[] { one, other, one, other })
        {
            assignees.Add((await WaitAssignedAsync(hub, await CreateAsync(hub))).Assignee);
        }

        using var added = await one.Client.SendAsync(one.Api(HttpMethod.Post, "/api/canned-answers", new { title = "Thanks", body = "Thank you, {{requester.name}}." }, CarlaKey));
        using var list = await other.Client.SendAsync(other.Api(HttpMethod.Get, "/api/canned-answers", key: BrunoKey));

        Assert.True((await other.JsonAsync(seen)).GetProperty("available").GetBoolean());
        // One rotation across both instances: turns 1-4 alternate between the two available agents.
        Assert.Equal(["ana", "bruno", "ana", "bruno"], assignees);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("Thanks", Assert.Single((await other.JsonAsync(list)).GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ChecklistAndAssignment_AreStoredWithTheTicketOncePerKey()
    {
        var settings = Settings(redis.NewPrefix());
        settings["SyncHub:Assignment:RoundRobin"] = "false";
        await using var hub = await HubServer.StartAsync(settings);
        var id = await CreateAsync(hub);

        for (var i = 0; i < 2; i++)
        {
            using var first = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/checklist", new { since = "Monday", solutionTested = true }, AnaKey), "chk-1"));
            using var assign = await hub.Client.SendAsync(WithKey(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/assign", new { }, AnaKey), "asg-1"));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        }

        var ticket = await hub.TicketAsync(id);
        Assert.Equal("Monday", ticket.Checklist.Since);
        Assert.True(ticket.Checklist.SolutionTested);
        Assert.Equal("ana", ticket.Assignee);
        Assert.Single(ticket.History, h => h.Type == WorkspaceHistoryTypes.Checklist);
        Assert.Equal("Ana Silva", Assert.Single(ticket.History, h => h.Type == WorkspaceHistoryTypes.Assigned).Data!["by"]);
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<string> CreateAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid(Guid.NewGuid().ToString("N"))));
        response.EnsureSuccessStatusCode();
        return (await hub.JsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>The ticket once the assignment (round-robin's choice, or none) is in its history.</summary>
    private static Task<Ticket> WaitAssignedAsync(HubServer hub, string id) =>
        hub.TicketWhenAsync(id, t => t.History.Any(h => h.Type == WorkspaceHistoryTypes.Assigned));
}
