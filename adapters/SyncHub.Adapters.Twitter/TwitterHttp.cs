using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;
using SyncHub.Adapters.Http;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The HTTP plumbing of the X client: a <see cref="RestClient"/> over an <see cref="IHttpClientFactory"/> client, and a
/// resilience pipeline that retries transient failures only. A 429 is not retried here: the source waits for the
/// window's <c>x-rate-limit-reset</c> on its clock and asks again.
/// </summary>
internal static class TwitterHttp
{
    public const string ClientName = "SyncHub.Twitter";

    /// <summary>A RestSharp client over the factory's X client, rooted at the API base with a trailing slash.</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl) =>
        ToolHttp.CreateRestClient(httpClients, ClientName, ToolHttp.WithTrailingSlash(baseUrl));

    /// <summary>
    /// A total timeout around retries of transient failures (5xx, 408, network errors, attempt timeouts; not 429) with
    /// exponential backoff and jitter, around a per-attempt timeout of <see cref="AdapterOptions.Timeout"/>.
    /// </summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, TwitterOptions options)
    {
        var attempts = options.MaxRetryAttempts + 1;
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "total",
                Timeout = (options.Timeout * attempts) + (options.RetryDelay * 32) + TimeSpan.FromSeconds(1),
            })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetryAttempts > 0
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.Timeout });
    }
}
