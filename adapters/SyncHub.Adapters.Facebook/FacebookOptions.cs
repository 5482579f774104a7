using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.Facebook;

/// <summary><c>SyncHub:Adapters:Facebook</c>: the Graph API webhook of the support organisation's Facebook page.</summary>
public sealed class FacebookOptions : AdapterOptions, IValidatableObject
{
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
    }
}
