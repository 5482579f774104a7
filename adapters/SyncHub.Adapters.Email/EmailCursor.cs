using System.Text;
using System.Text.Json;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The Email source's cursor: per folder its UIDVALIDITY and the last UID read, plus the folder to look at
/// first next time (folders take turns), plus the Message-IDs of the last <see cref="MaxThreads"/> messages read with
/// the thread key each got, so a reply naming any of them threads onto that conversation. Serialised as one JSON
/// string, folders in configuration order, threads oldest first, e.g.
/// <c>{"next":"Support","folders":{"INBOX":{"uidValidity":1796024922,"lastUid":45}},"threads":{"m1@example.com":"mail:m1@example.com"}}</c>.
/// </summary>
internal sealed class EmailCursor
{
    /// <summary>How many Message-IDs the cursor remembers; the oldest is forgotten first.</summary>
    public const int MaxThreads = 1000;

    private readonly Dictionary<string, FolderPosition> positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> threads = new(StringComparer.Ordinal);
    private readonly List<string> threadOrder = [];

    /// <summary>The folder the next fetch looks at first; null for the first configured folder.</summary>
    public string? Next { get; set; }

    public FolderPosition? Position(string folder) => positions.GetValueOrDefault(folder);

    public void Set(string folder, FolderPosition position) => positions[folder] = position;

    /// <summary>The thread key a message read earlier got, by its normalised Message-ID; null when unknown.</summary>
    public string? ThreadOf(string messageId) => threads.GetValueOrDefault(messageId);

    /// <summary>Remembers the thread key of a message read now; the oldest entry goes beyond <see cref="MaxThreads"/>.</summary>
    public void Remember(string messageId, string threadKey)
    {
        if (messageId.Length > RecordLimits.MaxIdLength || threadKey.Length > RecordLimits.MaxIdLength)
        {
            return;
        }

        if (threads.ContainsKey(messageId))
        {
            threadOrder.Remove(messageId);
        }

        threads[messageId] = threadKey;
        threadOrder.Add(messageId);
        while (threadOrder.Count > MaxThreads)
        {
            threads.Remove(threadOrder[0]);
            threadOrder.RemoveAt(0);
        }
    }

    /// <summary>Reads a cursor; null or empty is a fresh start. Throws <see cref="FormatException"/> for anything else it cannot read.</summary>
    public static EmailCursor Parse(string? cursor)
    {
        var result = new EmailCursor();
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(cursor);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the e-mail cursor is not a JSON object");
            }

            if (root.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String)
            {
                result.Next = next.GetString();
            }

            if (root.TryGetProperty("folders", out var folders) && folders.ValueKind == JsonValueKind.Object)
            {
                foreach (var folder in folders.EnumerateObject())
                {
                    result.positions[folder.Name] = new FolderPosition(
                        folder.Value.GetProperty("uidValidity").GetUInt32(),
                        folder.Value.GetProperty("lastUid").GetUInt32());
                }
            }

            if (root.TryGetProperty("threads", out var known) && known.ValueKind == JsonValueKind.Object)
            {
                foreach (var thread in known.EnumerateObject())
                {
                    // An entry that is not a key is forgotten rather than making the whole cursor unreadable.
                    if (thread.Value.ValueKind == JsonValueKind.String && thread.Value.GetString() is { Length: > 0 } key)
                    {
                        result.Remember(thread.Name, key);
                    }
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new FormatException($"the e-mail cursor cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The cursor string for the configured <paramref name="folders"/>, in their order (stable: same state, same string).</summary>
    public string Serialize(IReadOnlyList<string> folders)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (Next is not null && folders.Contains(Next, StringComparer.Ordinal))
            {
                json.WriteString("next", Next);
            }

            json.WriteStartObject("folders");
            foreach (var folder in folders)
            {
                if (positions.TryGetValue(folder, out var position))
                {
                    json.WriteStartObject(folder);
                    json.WriteNumber("uidValidity", position.UidValidity);
                    json.WriteNumber("lastUid", position.LastUid);
                    json.WriteEndObject();
                }
            }

            json.WriteEndObject();
            if (threadOrder.Count > 0)
            {
                json.WriteStartObject("threads");
                foreach (var id in threadOrder)
                {
                    json.WriteString(id, threads[id]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
