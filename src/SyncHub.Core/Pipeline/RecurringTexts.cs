using System.Collections.Concurrent;

namespace SyncHub.Pipeline;

/// <summary>
/// History texts that recur from ticket to ticket (the same channel and source, the same policy reasons): each made once
/// from its parts and kept, up to <see cref="Capacity"/> distinct ones; past that, texts not kept are made each time.
/// A new ticket's texts were about a kilobyte of new strings.
/// </summary>
/// <typeparam name="TKey">The parts a text is made of.</typeparam>
internal sealed class RecurringTexts<TKey>(Func<TKey, string> make)
    where TKey : notnull
{
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<TKey, string> texts = new();
    private int kept;

    public string this[TKey parts]
    {
        get
        {
            if (texts.TryGetValue(parts, out var text))
            {
                return text;
            }

            text = make(parts);
            if (Volatile.Read(ref kept) < Capacity && texts.TryAdd(parts, text))
            {
                Interlocked.Increment(ref kept);
            }

            return text;
        }
    }
}
