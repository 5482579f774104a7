using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SyncHub.Host.Configuration;

namespace SyncHub.Host;

/// <summary>Lets a request through only with one of the configured keys in <c>X-Api-Key</c> (compared in constant time).</summary>
internal sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] keys = [.. options.Value.Keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim())))];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var given = context.HttpContext.Request.Headers[Header].ToString();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var ok = given.Length > 0;
        var match = false;
        foreach (var key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        if (ok && match)
        {
            Actor.Service("api-key").AttachTo(context.HttpContext);
            return next(context);
        }

        return ValueTask.FromResult<object?>(Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized", $"a valid {Header} header is required"));
    }
}
