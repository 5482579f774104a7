using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;

namespace SyncHub.Adapters;

/// <summary>
/// The HTTP plumbing adapters share: a <see cref="RestClient"/> over an <see cref="IHttpClientFactory"/> client, and
/// the resilience pipeline that retries only transient failures and honours Retry-After.
/// </summary>
public static class ToolHttp
{
    /// <summary>
    /// A RestSharp client over a factory <see cref="HttpClient"/> (the factory owns handler lifetimes). Timeouts come from
    /// the resilience pipeline, and every HTTP status counts as an answer: only transport failures leave
    /// <see cref="RestResponseBase.ResponseStatus"/> other than <see cref="ResponseStatus.Completed"/>.
    /// </summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, string clientName, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        return new(
            httpClients.CreateClient(clientName),
            new RestClientOptions(baseUrl)
            {
                Timeout = Timeout.InfiniteTimeSpan,
                ThrowOnAnyError = false,
                FailOnDeserializationError = false,
                CalculateResponseStatus = _ => ResponseStatus.Completed,
            },
            disposeHttpClient: true);
    }

    /// <summary><paramref name="baseUrl"/> with a trailing slash, so relative resources are appended to its path.</summary>
    public static Uri WithTrailingSlash(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>
    /// A total timeout around retries of transient failures (5xx, 408, 429, network errors, attempt timeouts) with
    /// exponential backoff and jitter, honouring Retry-After up to <see cref="HttpRetrySettings.MaxRetryAfter"/>, around a
    /// per-attempt timeout. With no retries (<see cref="HttpRetrySettings.SingleAttempt"/>) only the attempt timeout.
    /// </summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpRetrySettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxRetryAttempts <= 0)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = settings.Timeout });
            return;
        }

        var attempts = settings.MaxRetryAttempts + 1;
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "total",
                Timeout = (settings.Timeout * attempts) + (settings.MaxRetryAfter * settings.MaxRetryAttempts) + TimeSpan.FromSeconds(1),
            })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryAfter,
                ShouldRetryAfterHeader = settings.RetryRateLimited,
                ShouldHandle = args => ValueTask.FromResult(
                    settings.RetryRateLimited
                        ? ShouldRetry(args.Outcome, settings.MaxRetryAfter, time)
                        : HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = settings.Timeout });
    }

    /// <summary>Transient failures are retried, except a 429 whose Retry-After is longer than <paramref name="maxRetryAfter"/>.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
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
        ArgumentNullException.ThrowIfNull(response);
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

    /// <summary>
    /// The wait until a rate-limit window resets, from a header holding the reset instant as Unix epoch time (X's
    /// <c>x-rate-limit-reset</c> in seconds, Rocket.Chat's <c>X-RateLimit-Reset</c> in milliseconds); null when the header is
    /// absent or not a number. Never negative.
    /// </summary>
    public static TimeSpan? RateLimitReset(RestResponse response, string header, EpochUnit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, header, StringComparison.OrdinalIgnoreCase))?.Value;
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var reset = unit == EpochUnit.Seconds ? DateTimeOffset.FromUnixTimeSeconds(Math.Min(epoch, 253_402_300_799L)) : DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(epoch, 253_402_300_799_999L));
        return reset > now ? reset - now : TimeSpan.Zero;
    }
}
