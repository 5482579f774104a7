using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Reviews;
using SyncHub.Reviews;
using SyncHub.Storage;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// The ARGV of create.lua, the one place that knows their positions: each constant is the position the script reads
/// under the same name (<c>local idempotencyField = ARGV[2]</c>), and a test checks that the two agree.
/// </summary>
internal static class CreateScriptArgs
{
    public const int Prefix = 1;
    public const int IdempotencyField = 2;
    public const int Id = 3;
    public const int ThreadKey = 4;
    public const int TicketJson = 5;
    public const int Version = 6;
    public const int UpdatedAt = 7;
    public const int ThreadedEntry = 8;
    public const int ThreadedAt = 9;
    public const int DepartmentIndex = 10;
    public const int StatusIndex = 11;
    public const int PriorityIndex = 12;
    public const int ChannelIndex = 13;
    public const int FirstResponseScore = 14;
    public const int ResolutionScore = FirstResponseScore + (int)SlaDeadlineKind.Resolution;
    public const int FirstResponseAtRiskScore = FirstResponseScore + (int)SlaDeadlineKind.FirstResponseAtRisk;
    public const int ResolutionAtRiskScore = FirstResponseScore + (int)SlaDeadlineKind.ResolutionAtRisk;
    public const int Breached = 18;
    public const int ThreadNumber = 19;
    public const int FirstNumber = 20;
    public const int WindowStart = 21;

    public const int ReopenStart = 22;

    /// <summary>The creation's history entries as one element: their JSON array, in its stored form.</summary>
    public const int History = 23;

    /// <summary>
    /// The outbox count, then per event: type, JSON head, JSON tail; then the sets and
    /// tokens of the new ticket (<see cref="TicketMemberships.PutAdded"/>), the sort:updated score of a threaded
    /// follow-up's parent, and the review signal to record with the new number (<see cref="SignalWidth"/> arguments:
    /// seen key, flag key, member suffix, at, window, threshold, most; or one '' for none).
    /// </summary>
    public const int OutboxAt = 24;

    /// <summary>The arguments of a review signal at the end (<see cref="OutboxAt"/>).</summary>
    private const int SignalWidth = 7;

    /// <summary>The arguments of create.lua for <paramref name="creation"/>, their JSON in arrays of their own.</summary>
    public static RedisValue[] Build(RedisValue prefix, TicketCreation creation) =>
        Build(prefix, creation, out _); // The buffer is never returned: its arrays stay with the arguments.

    /// <summary>
    /// The arguments of create.lua for <paramref name="creation"/>; their JSON and instants are slices of
    /// <paramref name="json"/>, which the caller disposes once the call was answered (see <see cref="StoreJson.Buffer"/>),
    /// in an array the caller may then give back with <see cref="Argv.Return"/>.
    /// The creation's history entries are one element holding their JSON array. With <paramref name="compressFrom"/>
    /// above 0 (<see cref="RedisStoreOptions.CompressFrom"/>) the ticket JSON and that element go in their stored form
    /// (<see cref="StoredForm"/>), each compressed from that many bytes.
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, TicketCreation creation, out StoreJson.Buffer json, int compressFrom = 0)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var ticket = creation.Ticket;
        var textLength = ticket.Subject.Length + ticket.Body.Length;
        // Sized for all it holds, so that it rarely outgrows its first array: the text in the ticket JSON, about half again
        // compressed, most of it again as search tokens (and once more in a threaded entry), with about 3 KB of history,
        // events and instants around it.
        json = new StoreJson.Buffer(3072 + ((string.IsNullOrEmpty(ticket.ThreadKey) ? 3 : 4) * textLength));
        var outbox = creation.Outbox;
        var sets = TicketMemberships.OfNew(ticket);
        var argv = Argv.Rent(lastPosition: OutboxAt + (outbox.Count * 3) + TicketMemberships.Width(sets) + 1
            + (creation.Signal is null ? 1 : SignalWidth));
        argv[Prefix] = prefix;
        argv[IdempotencyField] = json.Joined(ticket.Source, (byte)RedisTicketStore.IdempotencySeparator, ticket.ExternalId);
        argv[Id] = ticket.Id;
        argv[TicketJson] = json.Stored(json.Ticket(ticket), compressFrom);
        argv[Version] = ticket.Version;
        argv[UpdatedAt] = json.Instant(ticket.UpdatedAt);
        if (string.IsNullOrEmpty(ticket.ThreadKey))
        {
            // Without a thread key the record cannot be threaded: the threaded entry (which repeats the body) is not sent.
            argv[ThreadKey] = argv[ThreadedEntry] = argv[ThreadedAt] = RedisValue.EmptyString;
        }
        else
        {
            argv[ThreadKey] = ticket.ThreadKey;
            // Plain JSON even when compressing: every record with a thread key carries this entry and few are threaded, so
            // compressing it would cost most e-mails about 15 us for nothing.
            argv[ThreadedEntry] = json.Entry(creation.ThreadedEntry);
            argv[ThreadedAt] = json.Instant(creation.ThreadedEntry.At);
        }

        argv[DepartmentIndex] = TicketIndexes.Of(ticket.Department);
        argv[StatusIndex] = TicketIndexes.Of(ticket.Status);
        argv[PriorityIndex] = TicketIndexes.Of(ticket.Priority);
        argv[ChannelIndex] = TicketIndexes.Of(ticket.Channel);
        TicketIndexes.PutSlaScores(argv, FirstResponseScore, ticket);
        argv[Breached] = TicketIndexes.IsBreached(ticket);
        argv[ThreadNumber] = ThreadKeys.TryTicketNumber(ticket.ThreadKey, out var threadNumber) ? threadNumber : RedisValue.EmptyString;
        argv[FirstNumber] = TicketNumbers.First;

        // A windowed thread continues only on a ticket updated at or after this instant (ISO 8601 UTC strings of
        // one format compare in time order).
        argv[WindowStart] = ticket.ThreadWindow is { } window ? json.Instant(ticket.CreatedAt - window) : RedisValue.EmptyString;
        argv[ReopenStart] = creation.ReopenWindow is { } reopen ? (ticket.CreatedAt - reopen).ToUnixTimeMilliseconds() : RedisValue.EmptyString;
        argv[History] = json.Stored(json.Entries(creation.History), compressFrom);
        var i = OutboxAt;
        argv[i++] = outbox.Count;
        foreach (var evt in outbox)
        {
            var (head, tail) = json.EventAwaitingNumber(evt);
            argv[i++] = evt.Type;
            argv[i++] = head;
            argv[i++] = tail;
        }

        i = TicketMemberships.PutAdded(argv, i, sets, ticket, json);
        argv[i++] = string.IsNullOrEmpty(ticket.ThreadKey) ? RedisValue.EmptyString : -TicketOrder.Ms(creation.ThreadedEntry.At);
        if (creation.Signal is not { } signal)
        {
            argv[i] = RedisValue.EmptyString;
            return argv.Values;
        }

        var (seen, flag) = ReviewSignalKeys.Of(prefix.ToString(), signal.Signature);
        argv[i++] = seen;
        argv[i++] = flag;
        argv[i++] = ReviewSignalScriptArgs.MemberSuffix(signal.Version);
        argv[i++] = signal.At.ToUnixTimeMilliseconds();
        argv[i++] = ReviewSignalScriptArgs.WindowMillis(signal.Window);
        argv[i++] = signal.Threshold;
        argv[i] = IReviewSignalStore.MaxEntries;
        return argv.Values;
    }
}
