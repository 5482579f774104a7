using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Host.Tests;
using SyncHub.Pipeline;
using SyncHub.Policies;
using SyncHub.Storage;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// The host tests' <see cref="HubServer"/> (the real hub on a free loopback port, in-memory store) with a small CRM
/// directory and a notifier for e-mail and review replies, plus the ways the dashboard tests make tickets: web form,
/// internal request, any channel (threaded onto a conversation when given its thread key).
/// </summary>
internal sealed class DashboardHub(HubServer server, ReplyRecorder replies) : IAsyncDisposable
{
    /// <summary>A service key (an integration's): the history records it as a service, not as an agent.</summary>
    public const string ApiKey = HubServer.ApiKey;

    /// <summary>Maria: admin, every department.</summary>
    public const string MariaKey = "maria-personal-key-0001";

    /// <summary>Ben: agent of Paid Support only.</summary>
    public const string BenKey = "ben-personal-key-0002";

    /// <summary>Cleo: agent of Community and Trials.</summary>
    public const string CleoKey = "cleo-personal-key-0003";

    /// <summary>The test hub's agents, configured as an operator would (the keys only as their sha256 hashes).</summary>
    public static Dictionary<string, string?> AgentSettings() => new()
    {
        ["SyncHub:Agents:maria:Name"] = "Maria Alves",
        ["SyncHub:Agents:maria:Email"] = "maria@support.example",
        ["SyncHub:Agents:maria:ChatHandle"] = "maria",
        ["SyncHub:Agents:maria:Role"] = "Admin",
        ["SyncHub:Agents:maria:KeyHash"] = KeyHash(MariaKey),
        ["SyncHub:Agents:ben:Name"] = "Ben Lima",
        ["SyncHub:Agents:ben:Email"] = "ben@support.example",
        ["SyncHub:Agents:ben:Role"] = "Agent",
        ["SyncHub:Agents:ben:Departments:0"] = "PaidSupport",
        ["SyncHub:Agents:ben:KeyHash"] = KeyHash(BenKey),
        ["SyncHub:Agents:cleo:Name"] = "Cleo Costa",
        ["SyncHub:Agents:cleo:Email"] = "cleo@support.example",
        ["SyncHub:Agents:cleo:Role"] = "Agent",
        ["SyncHub:Agents:cleo:Departments:0"] = "Community",
        ["SyncHub:Agents:cleo:Departments:1"] = "Trials",
        ["SyncHub:Agents:cleo:KeyHash"] = KeyHash(CleoKey),
    };

    public HttpClient Client => server.Client;

    /// <summary>What the hub's outbox delivered as e-mail or review replies.</summary>
    public ReplyRecorder Replies => replies;

    public string BaseUrl => server.BaseAddress.ToString().TrimEnd('/');

    public static async Task<DashboardHub> StartAsync()
    {
        var replies = new ReplyRecorder();
        var server = await HubServer.StartAsync(AgentSettings(), services => services.AddSingleton<INotifier>(replies));
        await TestAccounts.FillAsync(server.App.Services.GetRequiredService<IAccountDirectoryStore>());
        return new DashboardHub(server, replies);
    }

    /// <summary>Posts the support-portal form; returns the new ticket.</summary>
    public async Task<Ticket> SubmitFormAsync(string subject, string message, string email = "ana@acme.example", string priority = "High", string name = "Ana Souza")
    {
        var form = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["email"] = email,
            ["subject"] = subject,
            ["message"] = message,
            ["priority"] = priority,
            ["product"] = "Rocket.Chat Cloud",
            ["clientVersion"] = "6.4.1",
            ["submissionId"] = Guid.NewGuid().ToString("N"),
        };
        using var response = await Client.SendAsync(server.Form(form));
        return await CreatedAsync(response);
    }

    /// <summary>Creates an agent's internal request through the API.</summary>
    public async Task<Ticket> CreateInternalAsync(string subject, string message, string priority = "Low")
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/tickets", new { subject, message, priority, agent = "maria", requester = new { name = "Bruno Lima" } });
        return await CreatedAsync(response);
    }

    /// <summary>Sends a record of any channel through the real intake pipeline (account lookup, priority, SLA, routing).</summary>
    public async Task<Ticket> IntakeAsync(
        Channel channel,
        string source,
        string subject,
        string body,
        Requester requester,
        Priority? priority = null,
        IReadOnlyDictionary<string, string>? diagnostics = null,
        string? threadKey = null,
        ReplyRoute? replyRoute = null)
    {
        var pipeline = server.App.Services.GetRequiredService<IIntakePipeline>();
        var result = await pipeline.SubmitAsync(new IntakeRecord
        {
            Source = source,
            ExternalId = Guid.NewGuid().ToString("N"),
            Channel = channel,
            Requester = requester,
            Subject = subject,
            Body = body,
            ReceivedAt = TimeProvider.System.GetUtcNow(),
            PriorityHint = priority,
            Diagnostics = diagnostics ?? new Dictionary<string, string>(),
            ThreadKey = threadKey,
            ReplyRoute = replyRoute,
        });
        return await TicketAsync(result.TicketId!);
    }

    /// <summary>An app-store review by Carla through the intake pipeline.</summary>
    public Task<Ticket> ReviewAsync(string subject, string body, IReadOnlyDictionary<string, string> diagnostics) =>
        IntakeAsync(Channel.AppReview, "AppFollow", subject, body, new Requester(Name: "Carla", Handle: "carla_m"), diagnostics: diagnostics);

    /// <summary>Rewrites a ticket's SLA (due in the past, at risk...) the way a later clock would see it.</summary>
    public async Task<Ticket> ChangeSlaAsync(string id, Func<SlaStamp, SlaStamp> change)
    {
        var store = server.App.Services.GetRequiredService<ITicketStore>();
        return (await store.UpdateAsync(id, t => new TicketChange(t with { Sla = change(t.Sla!), UpdatedAt = t.UpdatedAt.AddMilliseconds(1) }, [], [])))!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string key = ApiKey) =>
        await Client.SendAsync(server.Api(method, path, body, key));

    /// <summary>Sends an agent action as <paramref name="key"/>'s owner and fails the test unless the hub took it.</summary>
    public async Task<Ticket> ActAsync(string key, string id, string action, object body)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/tickets/{id}/{action}", body, key);
        Assert.True(response.IsSuccessStatusCode, $"{action} on {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await TicketAsync(id);
    }

    /// <summary>Adds a canned answer as the admin (Maria); returns its id.</summary>
    public async Task<string> AddCannedAnswerAsync(string title, string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/canned-answers", new { title, body }, MariaKey);
        Assert.True(response.IsSuccessStatusCode, $"canned answer: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The ticket as the API answers it (with the fields the typed record may not carry yet: checklist...).</summary>
    public async Task<JsonElement> TicketJsonAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/tickets/{id}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<Ticket> TicketAsync(string id) => server.TicketAsync(id);

    public async Task<Ticket> SetStatusAsync(string id, string status)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/tickets/{id}/status", new { status });
        response.EnsureSuccessStatusCode();
        return await TicketAsync(id);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static string KeyHash(string key) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private async Task<Ticket> CreatedAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await TicketAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }
}
