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
    public const string ApiKey = HubServer.ApiKey;

    public HttpClient Client => server.Client;

    /// <summary>What the hub's outbox delivered as e-mail or review replies.</summary>
    public ReplyRecorder Replies => replies;

    public string BaseUrl => server.BaseAddress.ToString().TrimEnd('/');

    public static async Task<DashboardHub> StartAsync()
    {
        var replies = new ReplyRecorder();
        var server = await HubServer.StartAsync(services: services => services.AddSingleton<INotifier>(replies));
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

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null) =>
        await Client.SendAsync(server.Api(method, path, body));

    public Task<Ticket> TicketAsync(string id) => server.TicketAsync(id);

    public async Task<Ticket> SetStatusAsync(string id, string status)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/tickets/{id}/status", new { status });
        response.EnsureSuccessStatusCode();
        return await TicketAsync(id);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task<Ticket> CreatedAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await TicketAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }
}
