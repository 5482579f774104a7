using Scalar.AspNetCore;

namespace SyncHub.Host.ApiReference;

/// <summary>
/// The headers of the Development reference page (<c>/scalar</c>). The dashboard's policy allows no inline script; the
/// reference page starts itself with inline scripts, so each answer carries a fresh nonce that only its own script tags
/// hold. Everything else comes from the hub itself (the page's bundle, the OpenAPI document, the "try it" calls).
/// </summary>
internal static class ReferencePageSecurity
{
    /// <summary>The policy, with <c>{0}</c> for the answer's nonce.</summary>
    public const string PolicyFormat =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(IApplicationBuilder branch) => branch.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var nonce = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) ? value as string : null;
            headers.ContentSecurityPolicy = nonce is { Length: > 0 }
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, PolicyFormat, nonce)
                : DashboardEndpoints.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
