using System.Globalization;
using SyncHub.Domain;
using SyncHub.Reviews;

namespace SyncHub.Storage;

/// <summary>
/// Everything one atomic creation writes: the ticket (its number is assigned by the store), its first
/// history entries and the outbox events. <see cref="ThreadedEntry"/> is appended instead when the
/// ticket's thread key already belongs to a ticket (it is a placeholder for a ticket without a thread key).
/// </summary>
/// <remarks>
/// The store fills in the number it assigns in each outbox event: its <see cref="OutboxEvent.TicketNumber"/>, and every
/// <see cref="NumberPlaceholder"/> in its <see cref="OutboxEvent.Data"/> values (a follow-up mail's "ticket #{number}",
/// an alert's link), in the same atomic step (<see cref="Numbered"/>; the Redis store splices the number into the event's
/// JSON). History entries are written as given. The placeholder contains a control character (U+0001): text a
/// customer typed never reaches a ticket with one (intake removes control characters from the subject, the body and the
/// requester), and every other text put in an event's data goes through <see cref="Literal"/>, so the only placeholders
/// in an event are those put there on purpose.
/// </remarks>
public sealed record TicketCreation(
    Ticket Ticket,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<OutboxEvent> Outbox,
    HistoryEntry ThreadedEntry)
{
    /// <summary>Stands for the ticket's number in an outbox event's data values until the store assigns it.</summary>
    public const string NumberPlaceholder = "#\u0001#";

    private const char Marker = '\u0001';

    /// <summary>
    /// How long after being solved a ticket takes a customer's answer back (it reopens); later, or on a Closed ticket, the
    /// answer opens a new ticket that follows the old one up (<see cref="CreateResult.FollowsUp"/>). Null: no limit.
    /// Applies to conversations without a <see cref="Ticket.ThreadWindow"/> (those never continue on a solved ticket).
    /// </summary>
    public TimeSpan? ReopenWindow { get; init; }

    /// <summary>
    /// An app review to count under its signature with the number the new ticket gets, in the same atomic step; the
    /// count is answered in <see cref="CreateResult.Signal"/>. Recorded only when a ticket is created (not on a replay or
    /// a threaded record). A store that cannot record it in the creation ignores it and answers no count.
    /// </summary>
    public SignalRecording? Signal { get; init; }

    /// <summary>
    /// <paramref name="text"/> as it may go into an event's data beside a <see cref="NumberPlaceholder"/>: its U+0001
    /// characters (none in nearly all text; it is then the same instance) become U+FFFD, so it cannot hold a placeholder.
    /// </summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Marker, StringComparison.Ordinal) ? text.Replace(Marker, '\uFFFD') : text;
    }

    /// <summary>
    /// <paramref name="evt"/> as the store writes it for the ticket numbered <paramref name="number"/>: its
    /// <see cref="OutboxEvent.TicketNumber"/> set and each <see cref="NumberPlaceholder"/> in its data replaced by the number.
    /// </summary>
    public static OutboxEvent Numbered(OutboxEvent evt, long number)
    {
        ArgumentNullException.ThrowIfNull(evt);
        Dictionary<string, string>? data = null;
        foreach (var (key, value) in evt.Data)
        {
            if (value.Contains(NumberPlaceholder, StringComparison.Ordinal))
            {
                data ??= new Dictionary<string, string>(evt.Data, StringComparer.Ordinal);
                data[key] = value.Replace(NumberPlaceholder, number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        return evt with { TicketNumber = number, Data = data ?? evt.Data };
    }
}
