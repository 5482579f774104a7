using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// <c>SyncHub:Adapters:Facebook</c>: the Graph API webhook of the support organisation's Facebook page, and, with a
/// <see cref="PageAccessToken"/>, agents' answers sent back through the Graph API (<see cref="AdapterOptions.BaseUrl"/>).
/// </summary>
public sealed class FacebookOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The configuration section of the adapter.</summary>
    public const string Section = "SyncHub:Adapters:Facebook";

    /// <summary>The Graph API root, versioned: the Send API and comment replies are called below it.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://graph.facebook.com/v21.0/");

    public FacebookOptions()
    {
        BaseUrl = DefaultBaseUrl;
        Timeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>The Facebook app's secret: every POST carries <c>X-Hub-Signature-256</c>, its HMAC-SHA256 of the body. Never logged.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The token typed into the app's webhook settings; Facebook sends it back as <c>hub.verify_token</c> when it subscribes.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>
    /// Messages and comments of one person within this window of the ticket's last update (and while it is open) go to
    /// that ticket's history instead of opening another. Zero: every message opens its own ticket.
    /// </summary>
    public TimeSpan ThreadWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When not empty, only events of these page ids are taken; others are answered 200 and ignored.</summary>
    public IList<string> PageIds { get; } = [];

    /// <summary>
    /// A Page access token with <c>pages_messaging</c> (Messenger) and <c>pages_manage_engagement</c> (comment replies):
    /// with it the reply notifier is registered. Sent as Graph's <c>access_token</c> parameter; never logged.
    /// </summary>
    public string PageAccessToken { get; set; } = "";

    /// <summary>
    /// Answers after Messenger's 24-hour window (up to 7 days after the customer's last message) go with the
    /// <c>HUMAN_AGENT</c> tag. Only for a page granted the Human Agent permission.
    /// </summary>
    public bool UseHumanAgentTag { get; set; }

    /// <summary>True when answers can be sent (a page access token is configured).</summary>
    public bool SendsReplies => !string.IsNullOrWhiteSpace(PageAccessToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AppSecret))
        {
            yield return new ValidationResult("is required when the adapter is enabled (the Facebook app secret)", [nameof(AppSecret)]);
        }

        if (string.IsNullOrWhiteSpace(VerifyToken))
        {
            yield return new ValidationResult("is required when the adapter is enabled (the webhook's verify token)", [nameof(VerifyToken)]);
        }

        if (ThreadWindow < TimeSpan.Zero || ThreadWindow > TimeSpan.FromDays(30))
        {
            yield return new ValidationResult($"must be between {TimeSpan.Zero} and {TimeSpan.FromDays(30)}", [nameof(ThreadWindow)]);
        }

        if (PageIds.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("must not hold an empty page id", [nameof(PageIds)]);
        }

        if (!SendsReplies)
        {
            yield break;
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"must be an absolute http(s) URL (the Graph API's is {DefaultBaseUrl})", [nameof(BaseUrl)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"must be between {TimeSpan.Zero} and {TimeSpan.FromMinutes(5)}", [nameof(Timeout)]);
        }
    }
}
