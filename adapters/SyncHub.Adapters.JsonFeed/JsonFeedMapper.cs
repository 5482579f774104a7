using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SyncHub.Domain;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>Turns feed items into intake records with the configured field paths.</summary>
internal sealed class JsonFeedMapper
{
    private readonly JsonPath? externalId;
    private readonly JsonPath? subject;
    private readonly JsonPath? body;
    private readonly JsonPath? name;
    private readonly JsonPath? email;
    private readonly JsonPath? phone;
    private readonly JsonPath? receivedAt;
    private readonly JsonPath? channel;
    private readonly JsonPath? cursor;
    private readonly Channel defaultChannel;

    public JsonFeedMapper(JsonFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fields = options.Fields;
        externalId = Path(fields.ExternalId);
        subject = Path(fields.Subject);
        body = Path(fields.Body);
        name = Path(fields.RequesterName);
        email = Path(fields.RequesterEmail);
        phone = Path(fields.RequesterPhone);
        receivedAt = Path(fields.ReceivedAt);
        channel = Path(fields.Channel);
        cursor = Path(options.CursorField);
        defaultChannel = options.DefaultChannel;
    }

    public bool HasCursor => cursor is not null;

    public JsonFeedItem Map(JsonElement item, DateTimeOffset now)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new JsonFeedItem(null, null, $"an item is a JSON {item.ValueKind}, not an object");
        }

        var id = externalId?.ValueOf(item) ?? ContentHash(item);
        string? position = null;
        if (cursor is not null && (position = cursor.ValueOf(item)) is null)
        {
            return new JsonFeedItem(null, null, $"item {id} has no {cursor} (the CursorField)");
        }

        var text = body?.ValueOf(item) ?? "";
        var title = SubjectLine.From(subject?.ValueOf(item), 200);
        var diagnostics = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position is not null)
        {
            diagnostics["feedCursor"] = position;
        }

        var record = new IntakeRecord
        {
            Source = JsonFeedSource.SourceName,
            ExternalId = id,
            Channel = ChannelOf(item),
            Requester = new Requester(name?.ValueOf(item), email?.ValueOf(item), phone?.ValueOf(item)),
            Subject = title.Length > 0 ? title : SubjectLine.From(text),
            Body = text,
            ReceivedAt = Instant(receivedAt?.ValueOf(item)) ?? now,
            Diagnostics = diagnostics,
        };
        return new JsonFeedItem(record, position, null);
    }

    private Channel ChannelOf(JsonElement item) =>
        channel?.ValueOf(item) is { } value && Enum.TryParse<Channel>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : defaultChannel;

    private static DateTimeOffset? Instant(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 100_000_000_000)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    // An item without an id is known by its content: the same item read again is the same ticket.
    private static string ContentHash(JsonElement item) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.GetRawText())))[..32];

    private static JsonPath? Path(string? text) => string.IsNullOrWhiteSpace(text) ? null : JsonPath.Parse(text);
}
