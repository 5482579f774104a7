using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

/// <summary>The Rocket.Chat module wired as the host wires it, pointed at a <see cref="RocketChatFake"/>.</summary>
internal sealed class RocketChatHarness : IDisposable
{
    public const string Section = "SyncHub:Adapters:RocketChat";

    public RocketChatHarness(RocketChatFake fake, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:BaseUrl"] = fake.Url,
            [$"{Section}:UserId"] = RocketChatFake.UserId,
            [$"{Section}:AuthToken"] = RocketChatFake.AuthToken,
            [$"{Section}:DefaultChannel"] = "#support",
            [$"{Section}:DashboardUrl"] = "https://support.example.com/",
            [$"{Section}:DisplayTimeZone"] = "America/Sao_Paulo",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        Registered = new SyncHubBuilder(services, configuration).AddModule(new RocketChatModule());
        Provider = services.BuildServiceProvider();
    }

    public bool Registered { get; }

    public ServiceProvider Provider { get; }

    public INotifier Notifier => Provider.GetServices<INotifier>().Single();

    public RocketChatOptions Options => Provider.GetRequiredService<IOptions<RocketChatOptions>>().Value;

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    /// <summary>An escalation alert as the core writes it to the outbox.</summary>
    public static OutboxEvent Escalation(string id = "1796122680000-0", string? channel = null, long number = 10423) => new()
    {
        Id = id,
        Type = ChatEvents.Message,
        TicketId = "tkt_01JD5",
        TicketNumber = number,
        Target = "RocketChat",
        CreatedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        Data = new Dictionary<string, string>
        {
            [ChatEvents.Channel] = channel ?? "",
            [ChatEvents.Mention] = "ana.souza",
            [ChatEvents.Title] = "Escalated to developers",
            [ChatEvents.Text] = "Login fails for every user since the 6.4 upgrade.\nCustomer on the hotline.",
            [ChatEvents.Priority] = "High",
            [ChatEvents.Subject] = "Hotline call from +5511987654321",
            [ChatEvents.DueAt] = "2026-11-30T12:30:00Z",
            [ChatEvents.Kind] = "escalation",
        },
    };

    public void Dispose() => Provider.Dispose();
}
