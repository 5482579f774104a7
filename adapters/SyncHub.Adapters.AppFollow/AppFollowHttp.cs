using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// The HTTP plumbing of the AppFollow client. Reads (<see cref="ReadClient"/>) retry transient failures and honour
/// Retry-After within a fetch; replies (<see cref="ReplyClient"/>) are never retried here, because a POST retried
/// blindly could answer twice: the outbox dispatcher retries them after checking what AppFollow already shows.
/// </summary>
internal static class AppFollowHttp
{
    public const string ReadClient = "SyncHub.AppFollow";

    public const string ReplyClient = "SyncHub.AppFollow.Reply";

    /// <summary>The header that carries the API v2 token; redacted from HTTP logs.</summary>
    public const string TokenHeader = "X-AppFollow-API-Token";

    /// <summary>A RestSharp client over a factory client; every HTTP status is an answer, timeouts come from the pipeline.</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, string clientName, Uri baseUrl) =>
        new(
            httpClients.CreateClient(clientName),
            new RestClientOptions(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"))
            {
                Timeout = Timeout.InfiniteTimeSpan,
                ThrowOnAnyError = false,
                FailOnDeserializationError = false,
                CalculateResponseStatus = _ => ResponseStatus.Completed,
            },
            disposeHttpClient: true);

    /// <summary>
    /// A total timeout around retries of transient failures (5xx, 408, 429, network errors, attempt timeouts) with
    /// exponential backoff and jitter, honouring Retry-After up to <see cref="AppFollowOptions.MaxRetryAfter"/>, around a
    /// per-attempt timeout of <see cref="AdapterOptions.Timeout"/>.
    /// </summary>
    public static void ConfigureReads(ResiliencePipelineBuilder<HttpResponseMessage> builder, AppFollowOptions options, TimeProvider time)
    {
        var attempts = options.MaxRetryAttempts + 1;
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "total",
                Timeout = (options.Timeout * attempts) + (options.MaxRetryAfter * options.MaxRetryAttempts) + TimeSpan.FromSeconds(1),
            })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, options.MaxRetryAfter, time)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.Timeout });
    }

    /// <summary>Replies: one attempt bounded by <see cref="AdapterOptions.Timeout"/>.</summary>
    public static void ConfigureReplies(ResiliencePipelineBuilder<HttpResponseMessage> builder, AppFollowOptions options) =>
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.Timeout });

    /// <summary>Transient failures are retried, except a 429 whose Retry-After is longer than <paramref name="maxRetryAfter"/>.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            return true;
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return retryAfter is null || retryAfter <= maxRetryAfter;
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
