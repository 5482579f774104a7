using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Hosting;

namespace SyncHub.Adapters.Livechat.Tests;

/// <summary>The Livechat module wired as the host wires it, on a fake clock, and Rocket.Chat's webhook bodies.</summary>
internal sealed class LivechatHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:Livechat";
    public const string Secret = "rc-livechat-secret-9b8a7c";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public LivechatHarness(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:Secret"] = Secret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }

        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Registered = new SyncHubBuilder(services, new ConfigurationBuilder().AddInMemoryCollection(values).Build()).AddModule(new LivechatModule());
        Provider = services.BuildServiceProvider();
    }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public IWebhookSource Webhook => Provider.GetServices<IWebhookSource>().Single(w => w.Route == "livechat");

    public LivechatOptions Options => Provider.GetRequiredService<IOptions<LivechatOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    /// <summary>The body Rocket.Chat posts for an offline livechat message (<c>livechat.offlineMessage</c> callback).</summary>
    public static JsonObject OfflineMessage(
        string name = "Maria Oliveira",
        string? email = "maria@acme.example",
        string message = "Hello, we cannot upload files since yesterday.\nCan you help?",
        string sentAt = "2026-11-30T11:58:01.123Z") => new()
    {
        ["type"] = "LivechatOfflineMessage",
        ["sentAt"] = sentAt,
        ["visitor"] = email is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["email"] = email },
        ["message"] = message,
    };

    public static WebhookRequest Post(string body, string? token = Secret, string method = "POST")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (token is not null)
        {
            headers["X-RocketChat-Livechat-Token"] = token;
        }

        return new WebhookRequest(method, headers, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
    }

    public async Task<WebhookResult> ReadAsync(WebhookRequest request) => await Webhook.ReadAsync(request, CancellationToken.None);

    public void Dispose() => Provider.Dispose();
}
