using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SyncHub.Host.ApiReference;

/// <summary>
/// The OpenAPI document, made once and kept as JSON: it is public, and making it takes a noticeable slice of a core
/// (every schema of every route), so a stream of anonymous requests must not make it again each time. The routes are
/// fixed when the hub starts (plugins included), so the document never changes while the process runs.
/// </summary>
internal sealed class CachedApiDocument([FromKeyedServices(ApiDocumentation.DocumentName)] IOpenApiDocumentProvider provider)
{
    private Task<byte[]>? json;

    public async Task<IResult> ServeAsync(CancellationToken cancellationToken)
    {
        var making = json ??= MakeAsync();
        try
        {
            return Results.Bytes(await making.WaitAsync(cancellationToken), "application/json;charset=utf-8");
        }
        catch (Exception) when (making.IsFaulted)
        {
            // A failure is not kept: the next request makes the document again.
            _ = Interlocked.CompareExchange(ref json, null, making);
            throw;
        }
    }

    private async Task<byte[]> MakeAsync()
    {
        var document = await provider.GetOpenApiDocumentAsync(CancellationToken.None);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
