using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// <c>SyncHub:Adapters:Twitter</c>: the support account's mentions on X. <see cref="AdapterOptions.BaseUrl"/> is the API
/// root, <c>https://api.x.com</c> unless configured otherwise.
/// </summary>
public sealed class TwitterOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The X API root used when <c>BaseUrl</c> is not configured.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.x.com");

    public TwitterOptions()
    {
        BaseUrl = DefaultBaseUrl;
    }

    /// <summary>The app's OAuth 2.0 bearer token (<c>Authorization: Bearer</c>). Required when enabled; never logged.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>The numeric user id of the support account whose mentions become tickets. Required when enabled.</summary>
    public string UserId { get; set; } = "";

    /// <summary>Mentions per request (<c>max_results</c>); X accepts 5 to 100.</summary>
    [Range(5, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Where the very first sync starts (<c>start_time</c>) while no since_id is stored. Null: whatever the mentions timeline
    /// still holds (X keeps the 800 most recent mentions).
    /// </summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Retries of a transient failure (5xx, 408, network errors, timeouts) within one fetch. 429 is handled apart.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay between retries of a transient failure (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait for a rate-limit window to reset (<c>x-rate-limit-reset</c>) inside one fetch. X's windows are
    /// 15 minutes; a longer reset fails the fetch with <see cref="TwitterRateLimitedException"/> and the poller backs off.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(16);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(BearerToken))
        {
            yield return new ValidationResult("is required when the adapter is enabled", [nameof(BearerToken)]);
        }

        if (string.IsNullOrWhiteSpace(UserId))
        {
            yield return new ValidationResult("is required when the adapter is enabled (the support account's numeric user id)", [nameof(UserId)]);
        }
        else if (!TweetIds.IsId(UserId.Trim()))
        {
            yield return new ValidationResult("must be the account's numeric user id, not its @username", [nameof(UserId)]);
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(BaseUrl)]);
        }

        foreach (var (name, value, min, max) in new[]
        {
            (nameof(RetryDelay), RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            (nameof(MaxRateLimitWait), MaxRateLimitWait, TimeSpan.Zero, TimeSpan.FromHours(1)),
            (nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            (nameof(PollInterval), PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"must be between {min} and {max}", [name]);
            }
        }
    }
}
