using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// <c>SyncHub:Adapters:WebForm:Public:Captcha</c>: the siteverify check shared by hCaptcha
/// (<c>https://api.hcaptcha.com/siteverify</c>) and Cloudflare Turnstile
/// (<c>https://challenges.cloudflare.com/turnstile/v0/siteverify</c>). Off while <see cref="VerifyUrl"/> is empty.
/// </summary>
public sealed class CaptchaOptions
{
    public Uri? VerifyUrl { get; set; }

    /// <summary>The secret key the verify call sends.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The public site key the hosted form's widget shows.</summary>
    public string SiteKey { get; set; } = "";

    /// <summary>The widget's script for the hosted form (hCaptcha: <c>https://js.hcaptcha.com/1/api.js</c>).</summary>
    public Uri? ScriptUrl { get; set; }

    /// <summary>The widget's element class on the hosted form (<c>h-captcha</c>, <c>cf-turnstile</c>).</summary>
    public string WidgetClass { get; set; } = "h-captcha";

    /// <summary>The form field carrying the widget's answer (<c>h-captcha-response</c>, <c>cf-turnstile-response</c>).</summary>
    public string ResponseField { get; set; } = "h-captcha-response";

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => VerifyUrl is not null;

    internal IEnumerable<ValidationResult> Validate(string prefix)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!VerifyUrl!.IsAbsoluteUri || VerifyUrl.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [$"{prefix}:{nameof(VerifyUrl)}"]);
        }

        if (string.IsNullOrWhiteSpace(Secret))
        {
            yield return new ValidationResult("is required when VerifyUrl is set", [$"{prefix}:{nameof(Secret)}"]);
        }

        if (string.IsNullOrWhiteSpace(ResponseField))
        {
            yield return new ValidationResult("is required when VerifyUrl is set", [$"{prefix}:{nameof(ResponseField)}"]);
        }
    }
}
