using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// <c>SyncHub:Adapters:AppFollow</c>: app-store reviews through AppFollow's API v2 (<see cref="AdapterOptions.BaseUrl"/>
/// <c>https://api.appfollow.io/api/v2/</c>, token in <c>X-AppFollow-API-Token</c>) for the configured <see cref="Apps"/>,
/// and replies posted back.
/// </summary>
public sealed class AppFollowOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The configuration section of the adapter.</summary>
    public const string Section = "SyncHub:Adapters:AppFollow";

    public static readonly Uri DefaultBaseUrl = new("https://api.appfollow.io/api/v2/");

    public AppFollowOptions()
    {
        BaseUrl = DefaultBaseUrl;

        // AppFollow allows 1,000 requests an hour per token, and bills each reviews request.
        PollInterval = TimeSpan.FromMinutes(5);
    }

    /// <summary>An API v2 token from AppFollow's API dashboard; required when enabled, never logged.</summary>
    public string ApiToken { get; set; } = "";

    /// <summary>The apps to read: each an app id (<c>ext_id</c>) and its store.</summary>
    public List<AppFollowApp> Apps { get; set; } = [];

    /// <summary>The first day read for an app the cursor does not know yet (UTC date). Null: the day of the first poll.</summary>
    public DateTimeOffset? StartFrom { get; set; }

    /// <summary>Retries of a transient failure (5xx, 408, 429, network errors, timeouts) within one fetch.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay between retries (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured within a fetch; a longer one fails the fetch and the poller backs off.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After AppFollow answers 402 (out of API credits), the source does not call it again for this long.</summary>
    public TimeSpan CreditsPause { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value, min, max) in new[]
        {
            (nameof(RetryDelay), RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            (nameof(MaxRetryAfter), MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromHours(1)),
            (nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            (nameof(PollInterval), PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            (nameof(CreditsPause), CreditsPause, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"must be between {min} and {max}", [name]);
            }
        }

        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ApiToken))
        {
            yield return new ValidationResult("is required when the adapter is enabled: an API v2 token from AppFollow's API dashboard", [nameof(ApiToken)]);
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"must be an absolute http(s) URL (AppFollow's is {DefaultBaseUrl})", [nameof(BaseUrl)]);
        }

        if (Apps.Count == 0)
        {
            yield return new ValidationResult("is required when the adapter is enabled: list each app as {AppId, Store}", [nameof(Apps)]);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Apps.Count; i++)
        {
            var app = Apps[i];
            if (string.IsNullOrWhiteSpace(app.AppId) || app.AppId.Trim().Contains(':', StringComparison.Ordinal))
            {
                yield return new ValidationResult("is required: the store's app id (App Store numeric id, Google Play package name), without ':'", [$"{nameof(Apps)}:{i}:{nameof(AppFollowApp.AppId)}"]);
            }

            if (app.StoreCode is null)
            {
                yield return new ValidationResult($"'{app.Store}' is not a store: GooglePlay (gp) or AppStore (as)", [$"{nameof(Apps)}:{i}:{nameof(AppFollowApp.Store)}"]);
            }
            else if (!keys.Add(app.Key))
            {
                yield return new ValidationResult($"lists {app.Key} twice", [$"{nameof(Apps)}:{i}"]);
            }
        }
    }
}
