using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Where the Zoho CRM sync stands, committed by the poller after each stored page (JSON, readable by operators):
/// the module being read, the next page (number or <c>page_token</c>), when this module's pass started, the
/// highest <c>Modified_Time</c> seen in the pass, and per module the <c>If-Modified-Since</c> of its pass. Per module
/// too, <see cref="DeletedSince"/>: since when its deleted records are read; while <see cref="ReadingDeleted"/>, the
/// page and high water are those of the module's deleted-records list.
/// </summary>
internal sealed record ZohoCursor(
    [property: JsonPropertyName("module")] string Module,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageToken")] string? PageToken,
    [property: JsonPropertyName("passStartedAt")] DateTimeOffset? PassStartedAt,
    [property: JsonPropertyName("highWater")] DateTimeOffset? HighWater,
    [property: JsonPropertyName("since")] IReadOnlyDictionary<string, DateTimeOffset> Since)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("v")]
    public int Version { get; init; } = 1;

    /// <summary>This module's pass was restarted from its watermark after Zoho refused page-number pagination.</summary>
    [JsonPropertyName("restarted")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restarted { get; init; }

    /// <summary>The module's records pass is complete and its deleted-records list is being read, from <see cref="Page"/>.</summary>
    [JsonPropertyName("deleted")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ReadingDeleted { get; init; }

    /// <summary>Per module, the <c>If-Modified-Since</c> of its next deleted-records read; null in a cursor written before deletions were read.</summary>
    [JsonPropertyName("deletedSince")]
    public IReadOnlyDictionary<string, DateTimeOffset>? DeletedSince { get; init; }

    /// <summary>The first page of <paramref name="module"/>, every module reading records modified since <paramref name="start"/> (null: all).</summary>
    public static ZohoCursor Start(string module, IEnumerable<string> modules, DateTimeOffset? start) =>
        new(module, 1, null, null, null, start is { } from ? modules.ToDictionary(m => m, _ => from, StringComparer.Ordinal) : new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal));

    /// <summary>Reads a committed cursor; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ZohoCursor Parse(string cursor)
    {
        var parsed = JsonSerializer.Deserialize<ZohoCursor>(cursor, Json);
        return parsed is { Version: 1, Page: >= 1, Since: not null } && !string.IsNullOrEmpty(parsed.Module)
            ? parsed
            : throw new JsonException("not a Zoho CRM cursor of version 1");
    }

    public DateTimeOffset? SinceOf(string module) => Since.TryGetValue(module, out var since) ? since : null;

    public DateTimeOffset? DeletedSinceOf(string module) => DeletedSince is { } all && all.TryGetValue(module, out var since) ? since : null;

    public override string ToString() => JsonSerializer.Serialize(this, Json);
}
