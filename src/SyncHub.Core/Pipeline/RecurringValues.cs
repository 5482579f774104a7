using System.Collections.Concurrent;

namespace SyncHub.Pipeline;

/// <summary>
/// Values that recur from ticket to ticket, such as history texts (the same channel and source, the same policy reasons)
/// or a review signature's keys: each made once from its parts and kept, up to <see cref="Capacity"/> distinct ones;
/// past that, values not kept are made each time. A new ticket's texts were about a kilobyte of new strings.
/// </summary>
/// <typeparam name="TKey">The parts a value is made of.</typeparam>
/// <typeparam name="TValue">The value, immutable (it is shared).</typeparam>
internal sealed class RecurringValues<TKey, TValue>(Func<TKey, TValue> make)
    where TKey : notnull
{
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<TKey, TValue> values = new();
    private int kept;

    public TValue this[TKey parts]
    {
        get
        {
            if (values.TryGetValue(parts, out var value))
            {
                return value;
            }

            value = make(parts);
            if (Volatile.Read(ref kept) < Capacity && values.TryAdd(parts, value))
            {
                Interlocked.Increment(ref kept);
            }

            return value;
        }
    }
}
