using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Host.Sandbox;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

/// <summary>The Development sandbox: made-up requests of every channel through the real pipeline; refused elsewhere.</summary>
public sealed class SandboxTests
{
    [Fact]
    public async Task Sandbox_Development_ProducesTicketsOfEveryChannel()
    {
        await using var app = Build("Development", new() { ["SyncHub:Sandbox:Enabled"] = "true", ["SyncHub:Sandbox:Interval"] = "00:00:00.010" });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var channels = new HashSet<string>();
        var tickets = new List<JsonElement>();
        await Eventually.WaitUntilAsync(
            () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets?sort=created&limit=200");
                request.Headers.Add("X-Api-Key", HubServer.ApiKey);
                using var response = client.SendAsync(request).Result;
                tickets = [.. response.Content.ReadFromJsonAsync<JsonElement>().Result.GetProperty("items").EnumerateArray()];
                channels = [.. tickets.Select(t => t.GetProperty("channel").GetString()!)];
                return channels.Count == Enum.GetValues<Channel>().Length;
            },
            TimeSpan.FromSeconds(30));

        Assert.Equal(Enum.GetNames<Channel>().Order(), channels.Order());
        Assert.All(tickets, t => Assert.Equal($"Sandbox{t.GetProperty("channel").GetString()}", t.GetProperty("source").GetString()));
        Assert.All(tickets, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("subject").GetString())));
        var review = tickets.First(t => t.GetProperty("channel").GetString() == "AppReview");
        Assert.InRange(int.Parse(review.GetProperty("diagnostics").GetProperty("rating").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1, 5);

        // The made-up CRM accounts are in the directory, so the people of those accounts get their plans and SLAs.
        var directory = app.Services.GetRequiredService<IAccountDirectoryStore>();
        Assert.Equal(SandboxData.Accounts.Count, (await directory.CountAsync()).Accounts);
        await app.StopAsync();
    }

    [Fact]
    public async Task Sandbox_Development_AnswersATicketOfEveryChannelAndShowsEachSent()
    {
        await using var app = Build("Development", new() { ["SyncHub:Sandbox:Enabled"] = "true", ["SyncHub:Sandbox:Interval"] = "00:00:00.010", ["SyncHub:Outbox:PollInterval"] = "00:00:00.050" });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Add("X-Api-Key", HubServer.ApiKey);
        var byChannel = new Dictionary<string, string>();
        await Eventually.WaitUntilAsync(
            () =>
            {
                var items = client.GetFromJsonAsync<JsonElement>("/api/tickets?sort=created&limit=200").Result.GetProperty("items").EnumerateArray();
                foreach (var t in items)
                {
                    byChannel.TryAdd(t.GetProperty("channel").GetString()!, t.GetProperty("id").GetString()!);
                }

                return byChannel.Count == Enum.GetValues<Channel>().Length;
            },
            TimeSpan.FromSeconds(30));

        var refused = new List<string>();
        foreach (var (channel, id) in byChannel)
        {
            using var reply = await client.PostAsJsonAsync($"/api/tickets/{id}/reply", new { message = $"Answer on {channel}", replace = true });
            if (!reply.IsSuccessStatusCode)
            {
                refused.Add($"{channel}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
            }
        }

        var sent = new Dictionary<string, string>();
        await Eventually.WaitUntilAsync(
            () =>
            {
                foreach (var (channel, id) in byChannel)
                {
                    var replies = client.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}").Result.GetProperty("replies");
                    foreach (var state in replies.EnumerateObject())
                    {
                        if (state.Value.GetProperty("state").GetString() == "Sent")
                        {
                            sent[channel] = state.Value.GetProperty("toolMessageId").GetString()!;
                        }
                    }
                }

                return sent.Count + refused.Count >= byChannel.Count;
            },
            TimeSpan.FromSeconds(30));
        await app.StopAsync();

        // Phone callers answer by e-mail only when the CRM knows them: the sandbox's callers are its contacts.
        Assert.Empty(refused);
        Assert.Equal(Enum.GetNames<Channel>().Order(), sent.Keys.Order());
        Assert.All(sent.Values, id => Assert.StartsWith("sandbox-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Sandbox_Production_RefusesToStartNamingTheKey()
    {
        var error = Assert.Throws<StartFailureException>(() => Build("Production", new() { ["SyncHub:Sandbox:Enabled"] = "true" }));

        Assert.Equal(
            "Configuration error: SyncHub:Sandbox:Enabled: the sandbox makes up tickets and runs only in the Development environment, not in Production.",
            error.Message);
    }

    [Fact]
    public async Task Sandbox_DevelopmentSettings_SwitchItOnAndDefaultsLeaveItOff()
    {
        await using var development = Build("Development", []);
        await using var production = Build("Production", []);

        Assert.Contains(development.Services.GetServices<IHostedService>(), s => s is SandboxService);
        Assert.DoesNotContain(production.Services.GetServices<IHostedService>(), s => s is SandboxService);
    }

    private static WebApplication Build(string environment, Dictionary<string, string?> settings)
    {
        var all = HubServer.DefaultSettings();
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], b => b.Configuration.AddInMemoryCollection(all));
    }
}
