using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// <c>SyncHub:Adapters:WebForm:Public</c>: the public mode, for a form in a visitor's browser (the company website, the
/// hosted <c>/support</c> page) that cannot keep a bearer token secret. Off by default.
/// </summary>
public sealed class PublicFormOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// Origins (<c>https://www.example.com</c>: scheme, host and port, no path) whose pages may post the form. The hub's own
    /// origin (its hosted <c>/support</c> page) is always allowed. Any other origin, or none, is refused with 403.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>A field hidden from people (a honeypot): a submission that fills it is taken for a bot and stores nothing.</summary>
    public string HoneypotField { get; set; } = "website";

    /// <summary>
    /// The least time between showing the form and its submission; faster is taken for a bot. Measured with the signed
    /// <c>formToken</c> field the hosted form carries (<c>GET /api/public/web/form-token</c> gives one to other pages).
    /// Zero turns the check off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a form token stays valid: a page left open longer must be reloaded.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan FormTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// True (the default): a submission without a valid <c>formToken</c> is refused when <see cref="MinFillTime"/> is set.
    /// False lets a static page post without one (the honeypot, the rate limits and the captcha still guard it).
    /// </summary>
    public bool RequireFormToken { get; set; } = true;

    /// <summary>
    /// The key that signs form tokens; set the same value on every instance behind one load balancer. Empty: a random key
    /// per process (tokens do not survive a restart).
    /// </summary>
    public string FormSecret { get; set; } = "";

    /// <summary>Submissions accepted per client address.</summary>
    public FormRateLimit PerAddress { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Submissions accepted per requester e-mail address.</summary>
    public FormRateLimit PerEmail { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    /// <summary>An optional captcha check (hCaptcha, Cloudflare Turnstile: the same siteverify protocol).</summary>
    public CaptchaOptions Captcha { get; set; } = new();

    /// <summary>
    /// Where a plain HTML form (not a script asking for JSON) is sent after a stored submission (303 See Other):
    /// <c>{number}</c> is replaced by the ticket number. Empty: the hub's own confirmation page <c>/support/thanks</c>.
    /// </summary>
    public string ThankYouUrl { get; set; } = "";

    /// <summary>The hosted support-portal form at <c>GET /support</c>.</summary>
    public PortalOptions Portal { get; set; } = new();

    internal IEnumerable<ValidationResult> Validate(string prefix)
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var origin in AllowedOrigins)
        {
            if (!IsOrigin(origin))
            {
                yield return new ValidationResult($"'{origin}' is not an origin (scheme://host[:port], no path)", [$"{prefix}:{nameof(AllowedOrigins)}"]);
            }
        }

        if (string.IsNullOrWhiteSpace(HoneypotField))
        {
            yield return new ValidationResult("is required (the name of the hidden field)", [$"{prefix}:{nameof(HoneypotField)}"]);
        }

        foreach (var (name, limit) in new[] { (nameof(PerAddress), PerAddress), (nameof(PerEmail), PerEmail) })
        {
            if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero)
            {
                yield return new ValidationResult("needs PermitLimit >= 1 and a positive Window", [$"{prefix}:{name}"]);
            }
        }

        foreach (var result in Captcha.Validate($"{prefix}:{nameof(Captcha)}").Concat(Portal.Validate($"{prefix}:{nameof(Portal)}")))
        {
            yield return result;
        }

        if (ThankYouUrl.Length > 0 && !Uri.TryCreate(ThankYouUrl.Replace("{number}", "1", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            yield return new ValidationResult("must be an absolute URL", [$"{prefix}:{nameof(ThankYouUrl)}"]);
        }
    }

    /// <summary>True when <paramref name="value"/> is <c>scheme://host[:port]</c> with an http(s) scheme and nothing after.</summary>
    public static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.GetLeftPart(UriPartial.Authority).Equals(value.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath == "/" && !value.EndsWith('/');
}
