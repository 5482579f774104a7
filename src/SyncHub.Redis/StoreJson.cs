using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SyncHub.Domain;

namespace SyncHub.Redis;

/// <summary>
/// The JSON the store writes: the SyncHub conventions (camelCase, enum names), without nulls, and a ticket
/// without the fields Redis keeps beside it (number, version, updatedAt, history) or that are computed (tag).
/// </summary>
internal static class StoreJson
{
    private static readonly byte[] TicketNumberZero = "\"ticketNumber\":0"u8.ToArray();

    private static readonly HashSet<string> FieldsKeptBeside = new(StringComparer.Ordinal)
    {
        nameof(Ticket.Number), nameof(Ticket.Version), nameof(Ticket.UpdatedAt), nameof(Ticket.History), nameof(Ticket.Tag),
    };

    public static JsonSerializerOptions Options { get; } = Create();

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
    /// joins head, the number it assigns, and tail. (The quote that starts the property cannot occur inside a
    /// string value: the serializer escapes quotes there.)
    /// </summary>
    public static (ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Tail) EventAwaitingNumber(OutboxEvent evt)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(evt.TicketNumber == 0 ? evt : evt with { TicketNumber = 0 }, Options);
        var at = json.AsSpan().IndexOf(TicketNumberZero);
        if (at < 0)
        {
            throw new InvalidOperationException("The outbox event JSON has no ticketNumber property.");
        }

        var cut = at + TicketNumberZero.Length - 1;
        return (json.AsMemory(0, cut), json.AsMemory(cut + 1));
    }

    public static string WriteInstant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadInstant(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

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
}
