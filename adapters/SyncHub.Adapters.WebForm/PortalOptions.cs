namespace SyncHub.Adapters.WebForm;

/// <summary><c>SyncHub:Adapters:WebForm:Public:Portal</c>: the branding of the hosted support form at <c>GET /support</c>.</summary>
public sealed class PortalOptions
{
    /// <summary>Serve the hosted form (when the public mode is on).</summary>
    public bool Enabled { get; set; } = true;

    public string CompanyName { get; set; } = "Support";

    public string Title { get; set; } = "Contact support";

    public string Intro { get; set; } =
        "Tell us what happened. The more we know (product, version, what you tried), the faster we can help.";

    /// <summary>A CSS colour for buttons and headings: <c>#rgb</c> or <c>#rrggbb</c>.</summary>
    public string AccentColor { get; set; } = "#0b5cad";

    /// <summary>An image shown above the form (an absolute https URL), or none.</summary>
    public Uri? LogoUrl { get; set; }

    /// <summary>The products offered in the form's list; empty: a free-text field.</summary>
    public List<string> Products { get; set; } = [];

    /// <summary>The confirmation page's text: <c>{number}</c> is the ticket number.</summary>
    public string ThankYou { get; set; } =
        "Thank you. We received your request as ticket #{number}. An agent will answer you by e-mail; keep the number for any follow-up.";

    internal IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(string prefix)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(AccentColor, "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))
        {
            yield return new("must be a colour like #0b5cad", [$"{prefix}:{nameof(AccentColor)}"]);
        }

        if (LogoUrl is { } logo && (!logo.IsAbsoluteUri || logo.Scheme != Uri.UriSchemeHttps))
        {
            yield return new("must be an absolute https URL", [$"{prefix}:{nameof(LogoUrl)}"]);
        }
    }
}
