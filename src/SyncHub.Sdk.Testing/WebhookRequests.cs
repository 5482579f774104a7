using System.Text;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>Webhook requests as the host hands them to a source: header names matched without regard to case.</summary>
public static class WebhookRequests
{
    /// <summary>A POST of <paramref name="body"/> (UTF-8) with <paramref name="headers"/>; a null header value leaves the header out.</summary>
    public static WebhookRequest Post(string body, params (string Name, string? Value)[] headers) =>
        Post(Encoding.UTF8.GetBytes(body), headers);

    /// <summary>A POST of the raw <paramref name="body"/> with <paramref name="headers"/>; a null header value leaves the header out.</summary>
    public static WebhookRequest Post(ReadOnlyMemory<byte> body, params (string Name, string? Value)[] headers) =>
        new("POST", Headers(headers), new Dictionary<string, string>(StringComparer.Ordinal), body);

    /// <summary>A GET with <paramref name="query"/> and no body.</summary>
    public static WebhookRequest Get(IEnumerable<KeyValuePair<string, string>> query) =>
        new("GET", Headers([]), new Dictionary<string, string>(query, StringComparer.Ordinal), ReadOnlyMemory<byte>.Empty);

    /// <summary><paramref name="request"/> with header <paramref name="name"/> set to <paramref name="value"/>, or removed when it is null.</summary>
    public static WebhookRequest WithHeader(this WebhookRequest request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        if (value is null)
        {
            headers.Remove(name);
        }
        else
        {
            headers[name] = value;
        }

        return request with { Headers = headers };
    }

    private static Dictionary<string, string> Headers(IEnumerable<(string Name, string? Value)> headers)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }

        return values;
    }
}
