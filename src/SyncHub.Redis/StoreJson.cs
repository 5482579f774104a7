using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The JSON the store writes: the SyncHub conventions (camelCase, enum names), without nulls, and a ticket
/// without the fields Redis keeps beside it (number, version, updatedAt, history) or that are computed (tag).
/// </summary>
internal static partial class StoreJson
{
    private static readonly byte[] TicketNumberZero = "\"ticketNumber\":0"u8.ToArray();

    private static readonly HashSet<string> FieldsKeptBeside = new(StringComparer.Ordinal)
    {
        nameof(Ticket.Number), nameof(Ticket.Version), nameof(Ticket.UpdatedAt), nameof(Ticket.History), nameof(Ticket.Tag),
    };

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// <see cref="TicketCreation.NumberPlaceholder"/> as it stands in an event's JSON (U+0001 escaped):
    /// what create.lua replaces by the number it assigns (<c>numberPlaceholder</c> there).
    /// </summary>
    public static string NumberPlaceholderJson { get; } =
        JsonSerializer.Serialize(TicketCreation.NumberPlaceholder, Options)[1..^1];

    public static byte[] WriteTicket(Ticket ticket) => JsonSerializer.SerializeToUtf8Bytes(ticket, Options);

    public static Ticket ReadTicket(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<Ticket>(json, Options) ?? throw new JsonException("A stored ticket is null.");

    public static byte[] WriteEntry(HistoryEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, Options);

    public static HistoryEntry ReadEntry(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<HistoryEntry>(json, Options) ?? throw new JsonException("A stored history entry is null.");

    public static byte[] WriteEvent(OutboxEvent evt) => JsonSerializer.SerializeToUtf8Bytes(evt, Options);

    public static OutboxEvent ReadEvent(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<OutboxEvent>(json, Options) ?? throw new JsonException("A stored outbox event is null.");

    /// <summary>
    /// An event of a ticket not yet numbered, cut where its <c>ticketNumber</c> goes: the creation script
    /// joins head, the number it assigns, and tail, and replaces each <see cref="NumberPlaceholderJson"/> in the
    /// result by the number too. (The quote that starts the property cannot occur inside a string value: the
    /// serializer escapes quotes there.)
    /// </summary>
    public static (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Tail) EventAwaitingNumber(OutboxEvent evt) =>
        CutAtTicketNumber(JsonSerializer.SerializeToUtf8Bytes(Unnumbered(evt), Options));

    public static string WriteInstant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadInstant(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static OutboxEvent Unnumbered(OutboxEvent evt) => evt.TicketNumber == 0 ? evt : evt with { TicketNumber = 0 };

    private static (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Tail) CutAtTicketNumber(ReadOnlyMemory<byte> json)
    {
        var at = json.Span.IndexOf(TicketNumberZero);
        if (at < 0)
        {
            throw new InvalidOperationException("The outbox event JSON has no ticketNumber property.");
        }

        var cut = at + TicketNumberZero.Length - 1;
        return (json[..cut], json[(cut + 1)..]);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(SyncHubJson.Options)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutFieldsKeptBeside } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutFieldsKeptBeside(JsonTypeInfo info)
    {
        if (info.Type != typeof(Ticket))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is System.Reflection.MemberInfo member && FieldsKeptBeside.Contains(member.Name))
            {
                info.Properties.RemoveAt(i);
            }
            else if (info.Properties[i].PropertyType == typeof(InvestigationChecklist))
            {
                // Most tickets never have their checklist touched: an empty one is not stored (it reads back as empty).
                info.Properties[i].ShouldSerialize = static (_, value) => !InvestigationChecklist.Empty.Equals(value);
            }
        }
    }

    /// <summary>
    /// The JSON and instants of one script call, written into arrays rented from the pool rather than one new array per
    /// value: each value is a slice, valid until <see cref="Dispose"/> returns the arrays. Dispose only once the call was
    /// answered (its arguments are then on the wire); a buffer never disposed (the call failed, and the multiplexer may
    /// still hold the command) leaves its arrays to the collector.
    /// </summary>
    internal sealed class Buffer : IBufferWriter<byte>, IDisposable
    {
        /// <summary>The longest round-trip ("O") instant: <c>2026-12-06T16:18:42.1234567+00:00</c> is 33 bytes.</summary>
        private const int InstantBytes = 40;

        private static readonly JsonTypeInfo<HistoryEntry> EntryInfo = Generated.Default.HistoryEntry;
        private static readonly JsonTypeInfo<OutboxEvent> EventInfo = Generated.Default.OutboxEvent;

        // What JsonSerializer.SerializeToUtf8Bytes writes with: the same bytes.
        private static readonly JsonWriterOptions WriterOptions = new()
        {
            Encoder = Options.Encoder,
            Indented = Options.WriteIndented,
            SkipValidation = true,
        };

        /// <summary>
        /// One writer per thread, pointed at the buffer that writes: a value is written whole on one thread (no await in
        /// between), and a writer is about 200 bytes where a ticket's JSON takes a few values.
        /// </summary>
        [ThreadStatic]
        private static Utf8JsonWriter? threadWriter;

        private byte[] current;
        private List<byte[]>? filled;
        private int start;
        private int written;

        /// <param name="sizeHint">About how many bytes the values take (a larger need rents more).</param>
        public Buffer(int sizeHint) => current = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, 256));

        public ReadOnlyMemory<byte> Ticket(Ticket ticket) => Json(WrittenTicket.Of(ticket), WrittenTicket.Info);

        public ReadOnlyMemory<byte> Entry(HistoryEntry entry) => Json(entry, EntryInfo);

        /// <summary>Several history entries as one JSON array (a history element that holds the entries of one write).</summary>
        public ReadOnlyMemory<byte> Entries(IReadOnlyList<HistoryEntry> entries)
        {
            ArgumentNullException.ThrowIfNull(entries);
            var writer = Writer();
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                JsonSerializer.Serialize(writer, entry, EntryInfo);
            }

            writer.WriteEndArray();
            writer.Flush();
            return Written();
        }

        /// <summary>As <see cref="StoreJson.EventAwaitingNumber"/>.</summary>
        public (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Tail) EventAwaitingNumber(OutboxEvent evt) =>
            CutAtTicketNumber(Json(Unnumbered(evt), EventInfo));

        /// <summary>
        /// <paramref name="json"/> (written by this buffer or not) in its stored form (<see cref="StoredForm"/>): compressed into
        /// this buffer when it is <paramref name="compressFrom"/> bytes or longer and that makes it shorter; else itself.
        /// </summary>
        public ReadOnlyMemory<byte> Stored(ReadOnlyMemory<byte> json, int compressFrom)
        {
            if (!StoredForm.Compresses(json.Length, compressFrom))
            {
                return json;
            }

            // A larger array taken by GetSpan leaves the earlier one, which json may be in, untouched until Dispose.
            var source = json.Span;
            var length = StoredForm.Compress(source, GetSpan(StoredForm.MaxCompressedLength(json.Length)));
            if (length == 0)
            {
                return json;
            }

            Advance(length);
            return Written();
        }

        /// <summary>JSON values (history entries, written by this buffer or not) as one JSON array.</summary>
        public ReadOnlyMemory<byte> Array(IReadOnlyList<ReadOnlyMemory<byte>> values)
        {
            var length = 2 + values.Sum(v => v.Length + 1);
            var target = GetSpan(length);
            target[0] = (byte)'[';
            var at = 1;
            foreach (var value in values)
            {
                value.Span.CopyTo(target[at..]);
                at += value.Length;
                target[at++] = (byte)',';
            }

            target[values.Count == 0 ? at++ : at - 1] = (byte)']';
            Advance(at);
            return Written();
        }

        /// <summary>As <see cref="WriteInstant"/>, in UTF-8.</summary>
        public ReadOnlyMemory<byte> Instant(DateTimeOffset at)
        {
            if (!at.TryFormat(GetSpan(InstantBytes), out var length, "O", CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("A round-trip instant is longer than expected.");
            }

            Advance(length);
            return Written();
        }

        /// <summary>Appends the UTF-8 of <paramref name="text"/> to the value being written (see <see cref="EndValue"/>).</summary>
        public void Append(ReadOnlySpan<char> text) =>
            Advance(Encoding.UTF8.GetBytes(text, GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));

        /// <summary>The UTF-8 of <paramref name="first"/>, <paramref name="separator"/> and <paramref name="second"/>, as one value.</summary>
        public ReadOnlyMemory<byte> Joined(string first, byte separator, string second)
        {
            Append(first);
            Append(separator);
            Append(second);
            return EndValue();
        }

        /// <summary>Appends <paramref name="bytes"/> to the value being written.</summary>
        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(GetSpan(bytes.Length));
            Advance(bytes.Length);
        }

        /// <summary>What was appended to the value being written so far (it may move to a larger array, never within it).</summary>
        public ReadOnlySpan<byte> Unended => current.AsSpan(start, written - start);

        /// <summary>Appends one byte to the value being written.</summary>
        public void Append(byte value)
        {
            GetSpan(1)[0] = value;
            Advance(1);
        }

        /// <summary>The value appended since the previous value ended (empty when nothing was).</summary>
        public ReadOnlyMemory<byte> EndValue() => Written();

        public void Advance(int count) => written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return current.AsMemory(written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return current.AsSpan(written);
        }

        public void Dispose()
        {
            foreach (var array in filled ?? [])
            {
                ArrayPool<byte>.Shared.Return(array);
            }

            if (current.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(current);
            }

            (current, filled, start, written) = ([], null, 0, 0);
        }

        /// <summary>This thread's writer, pointed at this buffer.</summary>
        private Utf8JsonWriter Writer()
        {
            var writer = threadWriter ??= new Utf8JsonWriter(this, WriterOptions);
            writer.Reset(this);
            return writer;
        }

        private ReadOnlyMemory<byte> Json<T>(T value, JsonTypeInfo<T> info)
        {
            var writer = Writer();
            JsonSerializer.Serialize(writer, value, info);
            writer.Flush();
            return Written();
        }

        /// <summary>The value written since the previous one.</summary>
        private ReadOnlyMemory<byte> Written()
        {
            var value = current.AsMemory(start, written - start);
            start = written;
            return value;
        }

        private void Reserve(int sizeHint)
        {
            sizeHint = Math.Max(sizeHint, 1);
            if (current.Length - written >= sizeHint)
            {
                return;
            }

            // The value being written moves to a larger array; those already handed out stay where they are.
            var length = written - start;
            var next = ArrayPool<byte>.Shared.Rent(Math.Max(current.Length * 2, length + sizeHint));
            current.AsSpan(start, length).CopyTo(next);
            (filled ??= []).Add(current);
            (current, start, written) = (next, 0, length);
        }
    }

    /// <summary>
    /// Source-generated writers of the history entry and the outbox event, with the options of <see cref="Options"/>
    /// (the same bytes, a test compares them): they write without the reflection serializer's per-call state.
    /// </summary>
    [JsonSourceGenerationOptions(
        JsonSerializerDefaults.Web,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UseStringEnumConverter = true,
        GenerationMode = JsonSourceGenerationMode.Serialization)]
    [JsonSerializable(typeof(HistoryEntry))]
    [JsonSerializable(typeof(OutboxEvent))]
    [JsonSerializable(typeof(WrittenTicket))]
    private sealed partial class Generated : JsonSerializerContext;
}
