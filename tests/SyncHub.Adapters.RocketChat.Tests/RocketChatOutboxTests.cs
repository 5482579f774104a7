using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

/// <summary>The notifier behind the real core: the outbox dispatcher over the in-memory store and queue.</summary>
public sealed class RocketChatOutboxTests : IAsyncDisposable
{
    private readonly RocketChatFake rocketChat = new();
    private readonly ServiceProvider provider;

    public RocketChatOutboxTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncHub:Outbox:PollInterval"] = "00:00:00.010",
            ["SyncHub:Outbox:RetryDelay"] = "00:00:00.010",
            ["SyncHub:Outbox:MaxRetryDelay"] = "00:00:00.050",
            [$"{RocketChatSettings.Section}:Enabled"] = "true",
            [$"{RocketChatSettings.Section}:BaseUrl"] = rocketChat.Url,
            [$"{RocketChatSettings.Section}:UserId"] = RocketChatFake.UserId,
            [$"{RocketChatSettings.Section}:AuthToken"] = RocketChatFake.AuthToken,
            [$"{RocketChatSettings.Section}:DefaultChannel"] = "support",
        }).Build();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        var hub = services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        hub.AddModule(new RocketChatModule());
        provider = services.BuildServiceProvider();
    }

    [Fact]
    public async Task Dispatch_ServerErrorThenSuccess_TheDispatcherRetriesWithTheSameMessageIdAndDeliversOnce()
    {
        rocketChat.FailOnceThenAccept(503);
        await StartAsync();
        var created = await provider.GetRequiredService<IIntakePipeline>().SubmitAsync(Records.Web("rc-1"));

        await provider.GetRequiredService<ITicketStore>().UpdateAsync(created.TicketId!, ticket => new TicketChange(
            ticket,
            [],
            [RocketChatSettings.Escalation(id: $"{ticket.Id}:escalated", number: ticket.Number) with { TicketId = ticket.Id }]));
        await Eventually.WaitUntilAsync(() => rocketChat.Sends.Count >= 2);
        await StopAsync();

        var sends = rocketChat.Sends;
        Assert.Equal(2, sends.Count);
        var ids = sends.Select(s => (string?)RocketChatFake.Body(s)["message"]!["_id"]).Distinct().ToList();
        Assert.Equal(RocketChatMessageId.From($"{created.TicketId}:escalated"), Assert.Single(ids));
        Assert.Contains($"ticket #{created.Number}", (string?)RocketChatFake.Body(sends[^1])["message"]!["msg"], StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        rocketChat.Dispose();
    }

    private async Task StartAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    private async Task StopAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
