using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>An <see cref="EmailSource"/> against the test dovecot, with its logs and its ignored-message counter captured.</summary>
internal sealed class SourceUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public SourceUnderTest(EmailOptions options)
    {
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        Ignored = new MetricCollector<long>(meters, EmailSource.MeterName, EmailSource.IgnoredCounter);
        Source = new EmailSource(new StaticOptionsMonitor<EmailOptions>(options), meters, TimeProvider.System, Logger);
    }

    public EmailSource Source { get; }

    public FakeLogger<EmailSource> Logger { get; } = new();

    public MetricCollector<long> Ignored { get; }

    public static SourceUnderTest For(DovecotServer imap, string user, Action<EmailOptions>? configure = null, params string[] folders)
    {
        var options = imap.Options(user, folders);
        configure?.Invoke(options);
        return new SourceUnderTest(options);
    }

    public Task<IntakePage> FetchAsync(string? cursor) => Source.FetchAsync(cursor, CancellationToken.None);

    /// <summary>Fetches page after page, as the poller does while <c>HasMore</c>, committing each cursor.</summary>
    public async Task<(List<IntakeRecord> Records, string? Cursor, int Pages)> ReadAllAsync(string? cursor = null)
    {
        var records = new List<IntakeRecord>();
        for (var pages = 1; pages <= 100; pages++)
        {
            var page = await FetchAsync(cursor);
            records.AddRange(page.Records);
            cursor = page.NextCursor ?? cursor;
            if (!page.HasMore)
            {
                return (records, cursor, pages);
            }
        }

        throw new InvalidOperationException("the source kept saying HasMore");
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        Ignored.Dispose();
        await services.DisposeAsync();
    }
}
