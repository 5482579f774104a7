using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// The ARGV of update.lua, the one place that knows their positions: each constant is the position the script reads
/// under the same name (<c>local expectedVersion = ARGV[3]</c>), and a test checks that the two agree.
/// </summary>
internal static class UpdateScriptArgs
{
    public const int Prefix = 1;
    public const int Id = 2;
    public const int ExpectedVersion = 3;
    public const int TicketJson = 4;
    public const int UpdatedAt = 5;
    public const int Number = 6;
    public const int OldDepartmentIndex = 7;
    public const int NewDepartmentIndex = 8;
    public const int OldStatusIndex = 9;
    public const int NewStatusIndex = 10;
    public const int OldPriorityIndex = 11;
    public const int NewPriorityIndex = 12;
    public const int OldChannelIndex = 13;
    public const int NewChannelIndex = 14;
    public const int FirstResponseScore = 15;
    public const int ResolutionScore = FirstResponseScore + (int)SlaDeadlineKind.Resolution;
    public const int FirstResponseAtRiskScore = FirstResponseScore + (int)SlaDeadlineKind.FirstResponseAtRisk;
    public const int ResolutionAtRiskScore = FirstResponseScore + (int)SlaDeadlineKind.ResolutionAtRisk;
    public const int Breached = 19;

    /// <summary>The action the change carries out (<see cref="TicketChange.ActionKey"/>), or empty.</summary>
    public const int ActionKey = 20;

    /// <summary>When a Solved ticket was solved (epoch ms), or empty: the reopen window is measured from it.</summary>
    public const int SolvedScore = 21;

    /// <summary>The history count, the entries, the outbox count, then per event: type, JSON; then the index operations (<see cref="TicketMemberships"/>).</summary>
    public const int HistoryAt = 22;

    /// <summary>
    /// The arguments of update.lua that store <paramref name="stored"/> (with the history and outbox events of
    /// <paramref name="update"/>) if the ticket is still at <paramref name="current"/>'s version.
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, Ticket current, Ticket stored, TicketChange update)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(update);
        var outbox = update.Outbox;
        var ops = TicketMemberships.Diff(current, stored);
        var argv = new Argv(lastPosition: HistoryAt + update.History.Count + 1 + (outbox.Count * 2) + TicketMemberships.Width(ops));
        argv[Prefix] = prefix;
        argv[Id] = current.Id;
        argv[ExpectedVersion] = current.Version;
        argv[TicketJson] = StoreJson.WriteTicket(stored);
        argv[UpdatedAt] = StoreJson.WriteInstant(stored.UpdatedAt);
        argv[Number] = current.Number;
        argv[OldDepartmentIndex] = TicketIndexes.Of(current.Department);
        argv[NewDepartmentIndex] = TicketIndexes.Of(stored.Department);
        argv[OldStatusIndex] = TicketIndexes.Of(current.Status);
        argv[NewStatusIndex] = TicketIndexes.Of(stored.Status);
        argv[OldPriorityIndex] = TicketIndexes.Of(current.Priority);
        argv[NewPriorityIndex] = TicketIndexes.Of(stored.Priority);
        argv[OldChannelIndex] = TicketIndexes.Of(current.Channel);
        argv[NewChannelIndex] = TicketIndexes.Of(stored.Channel);
        TicketIndexes.PutSlaScores(argv, FirstResponseScore, stored);
        argv[Breached] = TicketIndexes.IsBreached(stored);
        argv[ActionKey] = update.ActionKey ?? "";
        argv[SolvedScore] = stored is { Status: TicketStatus.Solved, SolvedAt: { } solvedAt } ? solvedAt.ToUnixTimeMilliseconds() : RedisValue.EmptyString;
        var i = argv.PutCounted(HistoryAt, update.History, static e => StoreJson.WriteEntry(e));
        argv[i++] = outbox.Count;
        foreach (var evt in outbox)
        {
            argv[i++] = evt.Type;
            argv[i++] = StoreJson.WriteEvent(evt with { TicketNumber = current.Number });
        }

        TicketMemberships.Put(argv, i, ops);

        return argv.Values;
    }
}
