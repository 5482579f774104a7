using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using RestSharp;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The HTTP plumbing shared by the accounts (OAuth) and CRM clients: a <see cref="RestClient"/> over an
/// <see cref="IHttpClientFactory"/> client, and the resilience pipeline that retries only transient failures.
/// </summary>
internal static class ZohoHttp
{
    public const string ApiClientName = "SyncHub.ZohoCrm.Api";
    public const string AccountsClientName = "SyncHub.ZohoCrm.Accounts";

    /// <summary>
    /// A RestSharp client over a factory <see cref="HttpClient"/> (the factory owns handler lifetimes). Timeouts
    /// come from the resilience pipeline, and every HTTP status counts as an answer: only transport failures
    /// leave <see cref="RestResponseBase.ResponseStatus"/> other than <see cref="ResponseStatus.Completed"/>.
    /// </summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, string name, Uri baseUrl) =>
        new(
            httpClients.CreateClient(name),
            new RestClientOptions(baseUrl)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                ThrowOnAnyError = false,
                FailOnDeserializationError = false,
                CalculateResponseStatus = _ => ResponseStatus.Completed,
            },
            disposeHttpClient: true);

    /// <summary>
    /// A total timeout around retries of transient failures (5xx, 408, 429, network errors, attempt timeouts)
    /// with exponential backoff and jitter, honouring Retry-After up to <see cref="ZohoCrmOptions.MaxRetryAfter"/>,
    /// around a per-attempt timeout of <see cref="AdapterOptions.Timeout"/>.
    /// </summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, ZohoCrmOptions options, TimeProvider time)
    {
        var attempts = options.MaxRetryAttempts + 1;
        builder
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "total",
                Timeout = (options.Timeout * attempts) + (options.MaxRetryAfter * options.MaxRetryAttempts),
            })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter, time)),
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

    /// <summary>Throws when no HTTP answer came back (network failure, timeouts exhausted, cancellation).</summary>
    public static void EnsureAnswered(RestResponse response, string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            throw new ZohoCrmException(
                $"{what} did not answer ({response.ResponseStatus}): {response.ErrorException?.Message ?? response.ErrorMessage}",
                response.ErrorException);
        }
    }

    /// <summary>The JSON body, or an undefined element when the body is empty or not JSON.</summary>
    public static JsonElement Json(RestResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(response.Content);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>A string property of a JSON object, or null.</summary>
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
