using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Host.Sandbox;

/// <summary>
/// The sandbox: in Development, submits a made-up request of each channel in turn to the intake pipeline (sources
/// <c>SandboxWeb</c>, <c>SandboxEmail</c>, ... <c>SandboxAppReview</c>) at a gentle rate, after putting a few made-up
/// CRM accounts in the account directory. Everything then happens as for real records: policies, SLA, store, outbox.
/// </summary>
internal sealed class SandboxService(
    IIntakePipeline pipeline,
    IServiceProvider services,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<SandboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var channels = Enum.GetValues<Channel>();
        Log.SandboxOn(logger, settings.Interval, string.Join(", ", channels.Select(SandboxData.SourceOf)));
        var data = new SandboxData(new Random(), time.GetUtcNow().ToUnixTimeSeconds().ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            if (settings.SeedAccounts && services.GetService<IAccountDirectoryStore>() is { } directory)
            {
                await directory.UpsertAsync(SandboxData.Accounts, SandboxData.Contacts, stoppingToken);
            }

            for (var sequence = 0; sequence < settings.MaxTickets; sequence++)
            {
                var record = data.Next(channels[sequence % channels.Length], sequence, time.GetUtcNow());
                try
                {
                    await pipeline.SubmitAsync(record, stoppingToken);
                }
                catch (StoreUnavailableException ex)
                {
                    Log.SandboxStoreUnavailable(logger, ex, record.Source);
                }

                await Task.Delay(settings.Interval, time, stoppingToken);
            }

            Log.SandboxDone(logger, settings.MaxTickets);
        }
        catch (Exception ex) when (ex is OperationCanceledException or PipelineStoppedException && stoppingToken.IsCancellationRequested)
        {
        }
    }
}
