using System.Diagnostics.CodeAnalysis;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// A request's headers as <see cref="SyncHub.Adapters.WebhookRequest.Headers"/>: a read-only view over Kestrel's own header
/// collection (names without regard to case, a repeated header's values joined with a comma, as
/// <see cref="Microsoft.Extensions.Primitives.StringValues.ToString"/> joins them), not a copy: a webhook source reads one
/// or two headers, and copying all of them into a dictionary had cost every request about 700 bytes. Valid while the
/// request runs, that is during <see cref="SyncHub.Adapters.IWebhookSource.ReadAsync"/>.
/// </summary>
internal sealed class RequestHeaderView(IHeaderDictionary headers) : IReadOnlyDictionary<string, string>
{
    public int Count => headers.Count;

    public IEnumerable<string> Keys => headers.Keys;

    public IEnumerable<string> Values => headers.Values.Select(v => v.ToString());

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no header {key}");

    public bool ContainsKey(string key) => headers.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (headers.TryGetValue(key, out var values))
        {
            value = values.ToString();
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var (name, values) in headers)
        {
            yield return new KeyValuePair<string, string>(name, values.ToString());
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
