using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Host;

namespace SyncHub.Host.Tests;

/// <summary>The real hub on a free loopback port, configured by the test; an HttpClient pointed at it.</summary>
internal sealed class HubServer : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-1";
    public const string FormToken = "test-form-token";

    private HubServer(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["SyncHub:Store"] = "InMemory",
        ["SyncHub:Api:Keys:0"] = ApiKey,
        ["SyncHub:Adapters:WebForm:Enabled"] = "true",
        ["SyncHub:Adapters:WebForm:Token"] = FormToken,
        ["SyncHub:Logging:Console"] = "false",
        ["SyncHub:ShutdownTimeout"] = "00:00:10",
    };

    public static async Task<HubServer> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = Build(settings, services);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return new HubServer(app, client);
    }

    public static WebApplication Build(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = DefaultSettings();
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(all);
            services?.Invoke(builder.Services);
        });
    }

    public HttpRequestMessage Form(object body, string? token = FormToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/web") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public HttpRequestMessage Api(HttpMethod method, string path, object? body = null, string? key = ApiKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    public async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public async Task<Ticket> TicketAsync(string id)
    {
        using var response = await Client.SendAsync(Api(HttpMethod.Get, $"/api/tickets/{id}"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Ticket>(SyncHubJson.Options))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
