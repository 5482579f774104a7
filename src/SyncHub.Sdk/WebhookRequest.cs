namespace SyncHub.Adapters;

/// <summary>
/// A webhook call as the adapter sees it: method, headers, query and the raw body bytes. The host's headers are a view
/// over the live request, valid while <see cref="IWebhookSource.ReadAsync"/> runs: a source that needs a header later
/// keeps its value (a string), not the dictionary.
/// </summary>
public sealed record WebhookRequest(
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>A header's value, or null; names are matched without regard to case.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
