using Microsoft.Extensions.Options;
using SyncHub.Adapters.WebForm;

namespace SyncHub.Host.Portal;

/// <summary>Which pages may post the public form: the hub's own origin (its <c>/support</c> page) and <c>Public:AllowedOrigins</c>.</summary>
internal sealed class PublicFormOrigins(IOptionsMonitor<WebFormOptions> options)
{
    /// <summary>An origin from the allow-list (the CORS policy's test: the hub's own pages need no CORS headers).</summary>
    public bool IsListed(string? origin) =>
        origin is not null && options.CurrentValue.Public.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The request's <c>Origin</c> is the hub's own or a listed one; a request without one is refused too.</summary>
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && (IsOwn(request, origin) || IsListed(origin));
    }

    private static bool IsOwn(HttpRequest request, string origin) =>
        string.Equals(origin.TrimEnd('/'), $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
