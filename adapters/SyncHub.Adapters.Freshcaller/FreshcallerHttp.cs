using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;
using SyncHub.Adapters.Http;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// The HTTP plumbing of the Freshcaller client: a <see cref="RestClient"/> over an <see cref="IHttpClientFactory"/>
/// client, and the resilience pipeline that retries only transient failures and honours Retry-After.
/// </summary>
internal static class FreshcallerHttp
{
    public const string ClientName = "SyncHub.Freshcaller";

    /// <summary>The header that carries the API key; redacted from HTTP logs.</summary>
    public const string ApiKeyHeader = "X-Api-Auth";

    /// <summary>A RestSharp client over the factory's Freshcaller client (see <see cref="ToolHttp.CreateRestClient"/>).</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl) =>
        ToolHttp.CreateRestClient(httpClients, ClientName, baseUrl);

    /// <summary>Retries transient failures, honouring Retry-After up to <see cref="FreshcallerOptions.MaxRetryAfter"/>.</summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, FreshcallerOptions options, TimeProvider time) =>
        ToolHttp.ConfigureResilience(builder, new HttpRetrySettings(options.Timeout, options.MaxRetryAttempts, options.RetryDelay, options.MaxRetryAfter), time);
}
