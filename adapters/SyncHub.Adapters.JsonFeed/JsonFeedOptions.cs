using System.ComponentModel.DataAnnotations;
using SyncHub.Domain;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>
/// <c>SyncHub:Adapters:JsonFeed</c>: an HTTP endpoint answering a JSON list of items, and how an item maps to a ticket.
/// Validated at start; every failure names its full key.
/// </summary>
public sealed class JsonFeedOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The feed's URL (GET). Required when enabled.</summary>
    public Uri? Url { get; set; }

    /// <summary>Headers sent with every request (an API key, <c>Authorization</c>). Values are never logged.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the list of items is in the answer: <c>$</c> for a top-level array, <c>$.data.items</c> otherwise.</summary>
    public string ItemsPath { get; set; } = "$";

    public JsonFeedFields Fields { get; set; } = new();

    /// <summary>
    /// The item field that orders the feed (an increasing id, a modification time). Set: only items whose value is after
    /// the committed cursor are read, oldest first, and the cursor moves to the newest one stored. Empty: every poll reads
    /// the whole feed and the store's idempotency drops what it already has.
    /// </summary>
    public string CursorField { get; set; } = "";

    /// <summary>When set, the committed cursor is also sent as this query parameter, for feeds that can filter on it.</summary>
    public string CursorParameter { get; set; } = "";

    /// <summary>The channel of an item whose <c>Fields:Channel</c> is missing or not a channel name.</summary>
    [EnumDataType(typeof(Channel))]
    public Channel DefaultChannel { get; set; } = Channel.Web;

    /// <summary>The most items handed over per fetch; the rest follow at once (a larger page may end on a tie).</summary>
    [Range(1, 10_000)]
    public int MaxItemsPerPoll { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("is required when the adapter is enabled: the feed's absolute http(s) URL", [nameof(Url)]);
        }

        if (JsonPath.TryParse(ItemsPath, out var itemsError) is null)
        {
            yield return new ValidationResult($"'{ItemsPath}' {itemsError}", [nameof(ItemsPath)]);
        }

        if (string.IsNullOrWhiteSpace(Fields.ExternalId) && string.IsNullOrWhiteSpace(Fields.Body) && string.IsNullOrWhiteSpace(Fields.Subject))
        {
            yield return new ValidationResult("map at least one of ExternalId, Subject and Body", [nameof(Fields)]);
        }

        foreach (var (key, path) in Fields.All())
        {
            if (!string.IsNullOrWhiteSpace(path) && JsonPath.TryParse(path, out var error) is null)
            {
                yield return new ValidationResult($"'{path}' {error}", [$"{nameof(Fields)}:{key}"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(CursorField) && JsonPath.TryParse(CursorField, out var cursorError) is null)
        {
            yield return new ValidationResult($"'{CursorField}' {cursorError}", [nameof(CursorField)]);
        }

        if (!string.IsNullOrWhiteSpace(CursorParameter) && string.IsNullOrWhiteSpace(CursorField))
        {
            yield return new ValidationResult("needs CursorField: the parameter sends the committed cursor", [nameof(CursorParameter)]);
        }

        foreach (var (name, value) in Headers)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => c <= ' ' || c == ':') || value.Any(c => c is '\r' or '\n'))
            {
                yield return new ValidationResult("is not a valid header name or value", [$"{nameof(Headers)}:{name}"]);
            }
        }

        foreach (var (name, value, min, max) in new[]
        {
            (nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            (nameof(PollInterval), PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1)),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"must be between {min} and {max}", [name]);
            }
        }
    }
}
