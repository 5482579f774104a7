using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// A script's ARGV while its builder fills it, indexed from 1 as Lua indexes it, by the builder's position constants:
/// <c>argv[CreateScriptArgs.Id] = ticket.Id</c> is what create.lua reads as <c>local id = ARGV[3]</c>.
/// </summary>
internal readonly struct Argv(int lastPosition)
{
    /// <summary>The arguments, ARGV[1] first; <c>lastPosition</c> is their count.</summary>
    public RedisValue[] Values { get; } = new RedisValue[lastPosition];

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
