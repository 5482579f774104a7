using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Core.Tests.Pipeline;

/// <summary>The core wired as the host wires it, over a gated in-memory store.</summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public PipelineHarness(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<ITicketStore>(Store);
        services?.Invoke(collection);
        collection.AddSyncHubCore(configuration);
        collection.AddInMemoryStore();
        provider = collection.BuildServiceProvider();
    }

    public GatedTicketStore Store { get; } = new();

    public IntakePipeline Pipeline => provider.GetRequiredService<IntakePipeline>();

    public IDeadLetterStore DeadLetters => provider.GetRequiredService<IDeadLetterStore>();

    public ICheckpointStore Checkpoints => provider.GetRequiredService<ICheckpointStore>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public async Task StartAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
