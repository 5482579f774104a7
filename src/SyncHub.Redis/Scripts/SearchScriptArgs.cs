using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of search.lua: each constant is the position the script reads under the same name.</summary>
internal static class SearchScriptArgs
{
    public const int Prefix = 1;
    public const int Sort = 2;
    public const int CursorScore = 3;
    public const int CursorNumber = 4;
    public const int Limit = 5;
    public const int ScanLimit = 6;
    public const int ReadLimit = 7;
    public const int ExpansionCap = 8;
    public const int WalkBudget = 9;
    public const int ProbeReadLimit = 10;

    /// <summary>The constraint count, then per constraint: kind, alternative count, alternatives.</summary>
    public const int ConstraintsAt = 11;

    public static RedisValue[] Build(
        RedisValue prefix,
        string sort,
        (long Score, long Number)? cursor,
        int limit,
        int scanLimit,
        IReadOnlyList<(string Kind, IReadOnlyList<string> Alternatives)> constraints,
        int readLimit = RedisTicketStore.DefaultReadLimit,
        int walkBudget = RedisTicketStore.DefaultWalkBudget,
        int probeReadLimit = RedisTicketStore.DefaultProbeReadLimit)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        var width = constraints.Sum(c => 2 + c.Alternatives.Count);
        var argv = new Argv(lastPosition: ConstraintsAt + width);
        argv[Prefix] = prefix;
        argv[Sort] = sort;
        argv[CursorScore] = cursor is { } c1 ? c1.Score : RedisValue.EmptyString;
        argv[CursorNumber] = cursor is { } c2 ? c2.Number : RedisValue.EmptyString;
        argv[Limit] = limit;
        argv[ScanLimit] = scanLimit;
        argv[ReadLimit] = readLimit;
        argv[ExpansionCap] = RedisTicketStore.ExpansionCap;
        argv[WalkBudget] = walkBudget;
        argv[ProbeReadLimit] = probeReadLimit;
        argv[ConstraintsAt] = constraints.Count;
        var i = ConstraintsAt + 1;
        foreach (var (kind, alternatives) in constraints)
        {
            argv[i++] = kind;
            argv[i++] = alternatives.Count;
            foreach (var alternative in alternatives)
            {
                argv[i++] = alternative;
            }
        }

        return argv.Values;
    }
}
