using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;

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

    /// <summary>
    /// A RestSharp client over a factory <see cref="HttpClient"/> (the factory owns handler lifetimes). Timeouts come from
    /// the resilience pipeline, and every HTTP status counts as an answer: only transport failures leave
    /// <see cref="RestResponseBase.ResponseStatus"/> other than <see cref="ResponseStatus.Completed"/>.
    /// </summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl) =>
        new(
            httpClients.CreateClient(ClientName),
            new RestClientOptions(baseUrl)
            {
                Timeout = Timeout.InfiniteTimeSpan,
                ThrowOnAnyError = false,
                FailOnDeserializationError = false,
                CalculateResponseStatus = _ => ResponseStatus.Completed,
            },
            disposeHttpClient: true);

    /// <summary>
    /// A total timeout around retries of transient failures (5xx, 408, 429, network errors, attempt timeouts) with
    /// exponential backoff and jitter, honouring Retry-After up to <see cref="FreshcallerOptions.MaxRetryAfter"/>, around a
    /// per-attempt timeout of <see cref="AdapterOptions.Timeout"/>.
    /// </summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, FreshcallerOptions options, TimeProvider time)
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
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetryAttempts > 0 && ShouldRetry(args.Outcome, options.MaxRetryAfter, time)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.Timeout });
    }

    /// <summary>Transient failures are retried, except a 429 whose Retry-After is longer than <paramref name="maxRetryAfter"/>.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        var response = outcome.Result;
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
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

    /// <summary>The Retry-After of a RestSharp response (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(RestResponse response, DateTimeOffset now)
    {
        var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - now
            : null;
    }
}
