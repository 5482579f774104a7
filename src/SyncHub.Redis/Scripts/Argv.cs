using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// A script's ARGV while its builder fills it, indexed from 1 as Lua indexes it, by the builder's position constants:
/// <c>argv[CreateScriptArgs.Id] = ticket.Id</c> is what create.lua reads as <c>local id = ARGV[3]</c>.
/// </summary>
internal readonly struct Argv
{
    /// <summary>The arrays kept per length (a creation's length varies with its sets and events, by a few values).</summary>
    private const int KeptPerLength = 1_024;

    private const int LongestKept = 128;

    private static readonly Stack<RedisValue[]>?[] Kept = new Stack<RedisValue[]>?[LongestKept + 1];

    public Argv(int lastPosition) => Values = new RedisValue[lastPosition];

    private Argv(RedisValue[] values) => Values = values;

    /// <summary>The arguments, ARGV[1] first; <c>lastPosition</c> is their count.</summary>
    public RedisValue[] Values { get; }

    /// <summary>
    /// Arguments in an array given back earlier with <see cref="Return"/> when one of that length is kept, else a new one:
    /// for a script called once per ticket, whose caller gives the array back once the call was answered.
    /// </summary>
    public static Argv Rent(int lastPosition)
    {
        if (lastPosition <= LongestKept && Kept[lastPosition] is { } kept)
        {
            lock (kept)
            {
                if (kept.TryPop(out var values))
                {
                    return new Argv(values);
                }
            }
        }

        return new Argv(lastPosition);
    }

    /// <summary>
    /// Gives back the arguments of a call that was answered (so the multiplexer wrote them and holds them no more), cleared;
    /// never those of a call that failed, which may still wait in the multiplexer's backlog.
    /// </summary>
    public static void Return(RedisValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length > LongestKept)
        {
            return;
        }

        System.Array.Clear(values);
        var kept = Volatile.Read(ref Kept[values.Length]);
        if (kept is null)
        {
            Interlocked.CompareExchange(ref Kept[values.Length], new Stack<RedisValue[]>(), null);
            kept = Kept[values.Length]!;
        }

        lock (kept)
        {
            if (kept.Count < KeptPerLength)
            {
                kept.Push(values);
            }
        }
    }

    public RedisValue this[int position]
    {
        get => Values[position - 1];
        set => Values[position - 1] = value;
    }

    /// <summary>
    /// The arguments of a script without a variable part: each value at its position, which must run from 1 without a
    /// gap.
    /// </summary>
    public static RedisValue[] Of(params ReadOnlySpan<(int Position, RedisValue Value)> arguments)
    {
        var argv = new Argv(lastPosition: arguments.Length);
        foreach (var (position, value) in arguments)
        {
            argv[position] = value;
        }

        return argv.Values;
    }

    /// <summary>
    /// Writes the count of <paramref name="items"/> at <paramref name="position"/> and each item after it; returns the
    /// position after them.
    /// </summary>
    public int PutCounted<T>(int position, IReadOnlyList<T> items, Func<T, RedisValue> value)
    {
        this[position++] = items.Count;
        foreach (var item in items)
        {
            this[position++] = value(item);
        }

        return position;
    }
}
