using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// <c>SyncHub:Adapters:Freshcaller</c>: the 24x7 hotline. <see cref="AdapterOptions.BaseUrl"/> is the account's API root,
/// <c>https://{account}.freshcaller.com/api/v1</c>.
/// </summary>
public sealed class FreshcallerOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The header a webhook sender must carry the shared secret in, unless configured otherwise.</summary>
    public const string DefaultWebhookSecretHeader = "X-Webhook-Secret";

    /// <summary>The shortest webhook secret accepted: a guessable secret would let anyone open tickets.</summary>
    public const int MinWebhookSecretLength = 16;

    /// <summary>The marker an agent starts the caller-facing summary in the call notes with, unless configured otherwise.</summary>
    public const string DefaultCustomerSummaryMarker = "Customer summary:";

    /// <summary>The Freshcaller API key, sent as <c>X-Api-Auth</c>. Required when the adapter is enabled; never logged.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The shared secret a webhook sender puts in <see cref="WebhookSecretHeader"/>. Freshcaller signs nothing, so this is
    /// the only proof a posted call comes from the operator's integration. Empty: every webhook is refused with 401.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The request header that carries <see cref="WebhookSecret"/>.</summary>
    public string WebhookSecretHeader { get; set; } = DefaultWebhookSecretHeader;

    /// <summary>
    /// The marker that starts the part of an agent's call notes meant for the caller: the text after it, up to a blank
    /// line or the end, is what the caller's follow-up mail says (<c>{summary}</c>). The rest of the notes stays
    /// internal. Empty: no part of the notes is ever sent, the follow-up always uses its fallback summary.
    /// </summary>
    public string CustomerSummaryMarker { get; set; } = DefaultCustomerSummaryMarker;

    /// <summary>Calls per page (<c>per_page</c>).</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>Where the first sync starts (calls created at or after it). Null: at the first poll, without history.</summary>
    public DateTimeOffset? StartFrom { get; set; }

    /// <summary>
    /// How old a call must be before it is read: a call is polled once, so it should be over and its notes written.
    /// Calls that arrive by webhook are not delayed.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest time span read as one window of pages (the first sync walks history window by window).</summary>
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Retries of a transient failure (5xx, 408, 429, network errors, timeouts) within one fetch.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay between retries (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured within a fetch; a longer one fails the fetch and the poller backs off.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The hotline shifts whose agent availability is checked (<c>Coverage:Shifts</c>), how often, and which user
    /// statuses count as available. Off while no shift is configured.
    /// </summary>
    public FreshcallerCoverageOptions Coverage { get; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("is required when the adapter is enabled", [nameof(ApiKey)]);
        }

        if (BaseUrl is null)
        {
            yield return new ValidationResult("is required when the adapter is enabled (https://{account}.freshcaller.com/api/v1)", [nameof(BaseUrl)]);
        }
        else if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(BaseUrl)]);
        }

        if (!string.IsNullOrEmpty(WebhookSecret) && WebhookSecret.Length < MinWebhookSecretLength)
        {
            yield return new ValidationResult($"must be at least {MinWebhookSecretLength} characters", [nameof(WebhookSecret)]);
        }

        if (string.IsNullOrWhiteSpace(WebhookSecretHeader))
        {
            yield return new ValidationResult("must name a request header", [nameof(WebhookSecretHeader)]);
        }

        foreach (var (name, value, min, max) in new[]
        {
            (nameof(SettleDelay), SettleDelay, TimeSpan.Zero, TimeSpan.FromDays(1)),
            (nameof(MaxWindow), MaxWindow, TimeSpan.FromMinutes(1), TimeSpan.FromDays(31)),
            (nameof(RetryDelay), RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            (nameof(MaxRetryAfter), MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromHours(1)),
            (nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            (nameof(PollInterval), PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            ($"{nameof(Coverage)}:{nameof(FreshcallerCoverageOptions.CheckInterval)}", Coverage.CheckInterval, TimeSpan.FromSeconds(10), TimeSpan.FromDays(1)),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"must be between {min} and {max}", [name]);
            }
        }

        var shiftErrors = new List<ValidationResult>();
        CoverageShift.Read(Coverage, shiftErrors);
        foreach (var error in shiftErrors)
        {
            yield return error;
        }
    }
}
