using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Hosting;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>The Facebook module wired as the host wires it, on a fake clock.</summary>
internal sealed class FacebookHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:Facebook";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public FacebookHarness(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:AppSecret"] = FacebookPayloads.AppSecret,
            [$"{Section}:VerifyToken"] = FacebookPayloads.VerifyToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }

        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Registered = new SyncHubBuilder(services, new ConfigurationBuilder().AddInMemoryCollection(values).Build()).AddModule(new FacebookModule());
        Provider = services.BuildServiceProvider();
    }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public IWebhookSource Webhook => Provider.GetServices<IWebhookSource>().Single(w => w.Route == "facebook");

    public FacebookOptions Options => Provider.GetRequiredService<IOptions<FacebookOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static WebhookRequest Post(string body, string? signature) =>
        new(
            "POST",
            signature is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Hub-Signature-256"] = signature },
            new Dictionary<string, string>(),
            Encoding.UTF8.GetBytes(body));

    public static WebhookRequest Signed(string body) => Post(body, FacebookPayloads.Sign(body));

    public static WebhookRequest Get(IDictionary<string, string> query) =>
        new("GET", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), new Dictionary<string, string>(query, StringComparer.Ordinal), ReadOnlyMemory<byte>.Empty);

    public async Task<WebhookResult> ReadAsync(WebhookRequest request) => await Webhook.ReadAsync(request, CancellationToken.None);

    public void Dispose() => Provider.Dispose();
}
