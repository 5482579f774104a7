using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SyncHub.Adapters.WebForm;

namespace SyncHub.Host.Portal;

/// <summary>
/// The hosted support-portal pages: the form (plain HTML, no script needed unless a captcha is configured), the
/// confirmation and the error page a plain form post lands on. Every configured text is HTML-encoded.
/// </summary>
internal static class PortalPage
{
    /// <summary>The priorities with the support process's examples.</summary>
    private static readonly (string Value, string Label, string Examples)[] Priorities =
    [
        ("Low", "Low", "small impact on functions, few users affected, minor bugs, simple questions"),
        ("Medium", "Medium", "essential functions affected, significant impact on system usage, inconsistent performance"),
        ("High", "High", "system down, main functions affected, many users unable to access, severe performance problems"),
    ];

    public static string Form(PublicFormOptions settings, string token, string action, string nonce)
    {
        var portal = settings.Portal;
        var body = new StringBuilder();
        body.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\" accept-charset=\"utf-8\" id=\"support-form\">");
        Field(body, "name", "Your name", "<input id=\"name\" name=\"name\" required maxlength=\"200\" autocomplete=\"name\">");
        Field(body, "email", "E-mail address", "<input id=\"email\" name=\"email\" type=\"email\" required maxlength=\"320\" autocomplete=\"email\">");
        Field(body, "subject", "Subject", "<input id=\"subject\" name=\"subject\" required maxlength=\"500\">");
        Field(body, "description", "What happened?", "<textarea id=\"description\" name=\"description\" required rows=\"8\" placeholder=\"What you did, what you expected, what happened instead, any error message\"></textarea>");

        body.Append("<fieldset><legend>How urgent is it?</legend>");
        foreach (var (value, label, examples) in Priorities)
        {
            body.Append("<label class=\"choice\"><input type=\"radio\" name=\"priority\" value=\"").Append(value).Append('"')
                .Append(value == "Medium" ? " checked" : "").Append("> <strong>").Append(label).Append("</strong> <span>")
                .Append(E(examples)).Append("</span></label>");
        }

        body.Append("</fieldset>");
        if (portal.Products.Count > 0)
        {
            var options = new StringBuilder("<select id=\"product\" name=\"product\"><option value=\"\">Choose…</option>");
            foreach (var product in portal.Products)
            {
                options.Append("<option>").Append(E(product)).Append("</option>");
            }

            Field(body, "product", "Product", options.Append("</select>").ToString());
        }
        else
        {
            Field(body, "product", "Product", "<input id=\"product\" name=\"product\" maxlength=\"200\">");
        }

        Field(body, "clientVersion", "Version you use", "<input id=\"clientVersion\" name=\"clientVersion\" maxlength=\"200\" placeholder=\"e.g. 6.4.1\">");

        // People never see the honeypot; a bot that fills every field does.
        body.Append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"").Append(E(settings.HoneypotField)).Append("\">Leave this empty</label><input id=\"")
            .Append(E(settings.HoneypotField)).Append("\" name=\"").Append(E(settings.HoneypotField)).Append("\" tabindex=\"-1\" autocomplete=\"off\"></div>");
        body.Append("<input type=\"hidden\" name=\"").Append(FormTokens.Field).Append("\" value=\"").Append(E(token)).Append("\">");
        if (settings.Captcha.Enabled && settings.Captcha.SiteKey.Length > 0)
        {
            body.Append("<div class=\"").Append(E(settings.Captcha.WidgetClass)).Append("\" data-sitekey=\"").Append(E(settings.Captcha.SiteKey)).Append("\"></div>");
        }

        body.Append("<button type=\"submit\">Send request</button></form>");
        var script = settings.Captcha is { Enabled: true, ScriptUrl: { } url }
            ? $"<script nonce=\"{nonce}\" src=\"{E(url.AbsoluteUri)}\" async defer></script>"
            : "";
        return Page(portal, portal.Title, $"<p class=\"intro\">{E(portal.Intro)}</p>{body}{script}", nonce);
    }

    public static string Thanks(PortalOptions portal, long? number, string nonce)
    {
        var text = number is { } n
            ? portal.ThankYou.Replace("{number}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : "Thank you. We received your request; an agent will answer you by e-mail.";
        return Page(portal, "Request received", $"<p class=\"done\" role=\"status\">{E(text)}</p><p><a href=\"/support\">Send another request</a></p>", nonce);
    }

    public static string Error(PortalOptions portal, string detail, string back, string nonce) =>
        Page(portal, "Your request was not sent", $"<p class=\"error\" role=\"alert\">{E(detail)}</p><p><a href=\"{E(back)}\">Back to the form</a></p>", nonce);

    /// <summary>The pages' Content-Security-Policy: own resources and the inline style by nonce; the captcha's origins when one is set.</summary>
    public static string ContentSecurityPolicy(PublicFormOptions settings, string nonce)
    {
        var captcha = settings.Captcha is { Enabled: true, ScriptUrl: { } url } ? " " + string.Join(' ', CaptchaOrigins(url)) : "";
        return $"default-src 'self'; script-src 'self' 'nonce-{nonce}'{captcha}; style-src 'self' 'nonce-{nonce}'{captcha}; " +
            $"frame-src 'self'{captcha}; connect-src 'self'{captcha}; img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    /// <summary>The widget script's origin and its parent domain's (hCaptcha and Turnstile frame from sibling hosts).</summary>
    private static IEnumerable<string> CaptchaOrigins(Uri script)
    {
        yield return script.GetLeftPart(UriPartial.Authority);
        var labels = script.Host.Split('.');
        if (labels.Length >= 3)
        {
            var parent = string.Join('.', labels[1..]);
            yield return $"https://{parent}";
            yield return $"https://*.{parent}";
        }
    }

    private static void Field(StringBuilder body, string id, string label, string control) =>
        body.Append("<p><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>").Append(control).Append("</p>");

    private static string Page(PortalOptions portal, string title, string content, string nonce)
    {
        var logo = portal.LogoUrl is { } url ? $"<img class=\"logo\" src=\"{E(url.AbsoluteUri)}\" alt=\"{E(portal.CompanyName)}\">" : "";
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · {{E(portal.CompanyName)}}</title>
            <style nonce="{{nonce}}">
            body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
            main{max-width:40rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
            h1{color:{{portal.AccentColor}};font-size:1.6rem;margin:.5rem 0}
            label{display:block;font-weight:600;margin-bottom:.25rem}
            input,textarea,select{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #b8bfcc;border-radius:4px;font:inherit}
            fieldset{border:1px solid #d5dae3;border-radius:4px;margin:1rem 0}
            .choice{font-weight:400}.choice input{width:auto}.choice span{color:#5a6272;font-size:.9rem}
            button{background:{{portal.AccentColor}};color:#fff;border:0;border-radius:4px;padding:.7rem 1.4rem;font:inherit;cursor:pointer;margin-top:1rem}
            .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
            .logo{max-height:48px}.error{color:#a4161a;font-weight:600}.done{font-size:1.1rem}
            </style>
            </head>
            <body>
            <main>
            {{logo}}
            <h1>{{E(title)}}</h1>
            {{content}}
            </main>
            </body>
            </html>
            """;
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
