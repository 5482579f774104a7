using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace SyncHub.Host.ApiReference;

/// <summary>
/// The API described: the OpenAPI document at <c>/openapi/v1.json</c> (public in every environment: it describes the
/// routes and their shapes, the same as the README, and holds no data, no key and no setting), and in Development the
/// interactive reference at <c>/scalar</c>, served with its own Content-Security-Policy.
/// </summary>
internal static class ApiDocumentation
{
    /// <summary>The document's name; its path is <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>The path of the OpenAPI document.</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>The path of the Development reference page.</summary>
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer<HubApiDocument>());
        services.AddSingleton<CachedApiDocument>();
        return services;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapGet(DocumentPath, (CachedApiDocument document, CancellationToken cancellationToken) => document.ServeAsync(cancellationToken)).ExcludeFromDescription();
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments(ReferencePath, StringComparison.OrdinalIgnoreCase), ReferencePageSecurity.Apply);
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("SyncHub API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithNonce()
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .AddPreferredSecuritySchemes([HubApiDocument.ApiKeyScheme]));
        return app;
    }
}
