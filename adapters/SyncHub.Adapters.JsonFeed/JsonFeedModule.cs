using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>
/// Registers the JSON-feed poller (<c>SyncHub:Adapters:JsonFeed</c>): validated options, the source and its HTTP client.
/// The host finds this class in the plugin's assembly and calls it when <c>Enabled</c> is true. Idempotent.
/// </summary>
public sealed class JsonFeedModule : IAdapterModule
{
    public string Name => JsonFeedSource.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        if (hub.Services.Any(d => d.ServiceType == typeof(JsonFeedSource)))
        {
            return;
        }

        hub.AddPollingSource<JsonFeedSource, JsonFeedOptions>(section);
        hub.Services.TryAddSingleton(TimeProvider.System);

        // The source applies its own timeout (SyncHub:Adapters:JsonFeed:Timeout); retries between polls are the core's.
        hub.Services.AddHttpClient(JsonFeedHttp.ClientName, http =>
        {
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.MaxResponseContentBufferSize = JsonFeedHttp.MaxAnswerBytes;
        });
    }
}
