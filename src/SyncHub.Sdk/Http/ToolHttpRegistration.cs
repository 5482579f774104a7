using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters;

/// <summary>Registers a tool's named HTTP client: no client timeout of its own, the tool's secret headers redacted from HTTP logs, and the resilience pipeline of <see cref="ToolHttp.ConfigureResilience"/>.</summary>
public static class ToolHttpRegistration
{
    /// <summary>
    /// Adds the named client <paramref name="clientName"/> whose retries follow <paramref name="retry"/> applied to the
    /// current <typeparamref name="TOptions"/>. Idempotent per client name: a module registering a poller and a webhook
    /// (or registered twice) adds the client once.
    /// </summary>
    /// <param name="hub">The builder.</param>
    /// <param name="clientName">The <see cref="IHttpClientFactory"/> name the adapter creates its client with.</param>
    /// <param name="retry">The retry settings for the current options (<see cref="HttpRetrySettings.SingleAttempt"/> for calls the outbox retries).</param>
    /// <param name="redactedHeaders">Headers that carry credentials; their values never reach the HTTP logs.</param>
    /// <param name="logRequests">False for a tool whose request URIs carry a secret (an incoming-webhook token): the client logs nothing of its own.</param>
    public static ISyncHubBuilder AddToolHttpClient<TOptions>(
        this ISyncHubBuilder hub,
        string clientName,
        Func<TOptions, HttpRetrySettings> retry,
        IEnumerable<string>? redactedHeaders = null,
        bool logRequests = true)
        where TOptions : AdapterOptions
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        ArgumentNullException.ThrowIfNull(retry);
        var services = hub.Services;
        if (services.Any(d => d.ServiceType == typeof(ToolHttpClientName) && Equals(d.ImplementationInstance, new ToolHttpClientName(clientName))))
        {
            return hub;
        }

        services.AddSingleton(new ToolHttpClientName(clientName));
        services.TryAddSingleton(TimeProvider.System);
        var client = services.AddHttpClient(clientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client = logRequests ? client.RedactLoggedHeaders([.. redactedHeaders ?? []]) : client.RemoveAllLoggers();
        client.AddResilienceHandler(clientName, (builder, context) => ToolHttp.ConfigureResilience(
                builder,
                retry(context.ServiceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue),
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        return hub;
    }

    /// <summary>Marks a client name as registered, so a second registration is skipped.</summary>
    private sealed record ToolHttpClientName(string Name);
}
