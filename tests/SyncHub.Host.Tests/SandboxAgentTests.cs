using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

/// <summary>The zero-setup run's agents: a new user signs in with a key the start log prints; nowhere else do those keys work.</summary>
public sealed class SandboxAgentTests
{
    [Fact]
    public async Task Development_StartLogPrintsTheAgentsKeys_AndEachSignsIn()
    {
        var log = new CollectingSink();
        await using var app = SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development"], b =>
        {
            var settings = HubServer.DefaultSettings();
            settings["SyncHub:Sandbox:Enabled"] = "false";
            b.Configuration.AddInMemoryCollection(settings);
            b.Services.AddSingleton<ILogEventSink>(log);
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var line = await WaitForAsync(log, "sign in as an agent");
        Assert.Contains("ana (Admin, all departments): X-Api-Key: dev-agent-ana", line, StringComparison.Ordinal);
        Assert.Contains("ben (Agent, PaidSupport): X-Api-Key: dev-agent-ben", line, StringComparison.Ordinal);
        Assert.Contains("cleo (Agent, Community+Trials): X-Api-Key: dev-agent-cleo", line, StringComparison.Ordinal);
        foreach (var (id, role) in new[] { ("ana", "Admin"), ("ben", "Agent"), ("cleo", "Agent") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agents/me");
            request.Headers.Add("X-Api-Key", $"dev-agent-{id}");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var me = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((id, role), (me.GetProperty("id").GetString(), me.GetProperty("role").GetString()));
        }

        await app.StopAsync();
    }

    [Fact]
    public async Task OutsideDevelopment_TheSandboxKeysDoNotSignIn()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: "dev-agent-ana"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> WaitForAsync(CollectingSink log, string text)
    {
        string? found = null;
        await Eventually.WaitUntilAsync(
            () => (found = log.Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal))) is not null,
            TimeSpan.FromSeconds(10));
        return found!;
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IEnumerable<string> Lines => lines;

        public void Emit(LogEvent logEvent) => lines.Enqueue(logEvent.RenderMessage());
    }
}
