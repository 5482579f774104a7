using Microsoft.Net.Http.Headers;

namespace SyncHub.Host;

/// <summary>
/// <c>GET /</c>: the agent dashboard (plain HTML, CSS and ES modules, no build step). The page itself needs no
/// API key; its scripts ask the agent for one and send it with every <c>/api/tickets</c> call.
/// </summary>
internal static class DashboardEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public const string IndexPath = "index.html";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = DashboardAssets.Load(typeof(DashboardEndpoints).Assembly);
        if (!assets.TryGet(IndexPath, out _))
        {
            throw new InvalidOperationException("The dashboard's index.html is not embedded in the host assembly");
        }

        app.MapGet("/", (HttpContext context) => Serve(context, assets, IndexPath)).ExcludeFromDescription();
        app.MapGet("/dashboard/{**path}", (string path, HttpContext context) => Serve(context, assets, path)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, DashboardAssets assets, string path)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!assets.TryGet(path, out var asset))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"the dashboard has no file {path}");
        }

        // Revalidated on every load, so an upgraded hub never runs old scripts against a new API.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags) &&
            tags.Any(t => t.Tag.Equals(asset.ETag, StringComparison.Ordinal) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
