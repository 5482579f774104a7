using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SyncHub.Domain;

/// <summary>
/// A string map for the few fields of a history entry's or outbox event's data: one array of pairs in the order the
/// fields were set, looked up by a linear search. A <see cref="Dictionary{TKey, TValue}"/> of four fields allocates
/// three objects and about 300 bytes, this two and about 120, and every new ticket carries several. Set the fields while
/// building (an indexer initializer), then hand the map on as read-only.
/// </summary>
internal sealed class SmallMap(int capacity) : IReadOnlyDictionary<string, string>, IEnumerator<KeyValuePair<string, string>>
{
    /// <summary>A map without fields, shared: enumerating it makes nothing (a wrapped empty dictionary boxes its enumerator).</summary>
    public static SmallMap Empty { get; } = new(0);

    private KeyValuePair<string, string>[] items = capacity > 0 ? new KeyValuePair<string, string>[capacity] : [];
    private int count;
    private int position;

    /// <summary>1 while the map serves as its own enumerator (see <see cref="GetEnumerator"/>).</summary>
    private int enumerating;

    public int Count => count;

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<string> Values => this.Select(pair => pair.Value);

    /// <summary>The value of <paramref name="key"/>; setting a key already there replaces its value in place.</summary>
    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The data has no field '{key}'.");
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            if (ReferenceEquals(this, Empty))
            {
                throw new InvalidOperationException("The shared empty map takes no fields: make a map of its own.");
            }

            var at = IndexOf(key);
            if (at >= 0)
            {
                items[at] = new(key, value);
                return;
            }

            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(4, count * 2));
            }

            items[count++] = new(key, value);
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? items[at].Value : null;
        return at >= 0;
    }

    /// <summary>
    /// The map itself, when no enumeration of it is under way (as the compiler's iterators do for their first enumeration):
    /// serializing a map enumerates it once through the interface, which otherwise makes an enumerator object per map and
    /// write. An enumeration that overlaps one under way, on any thread, gets an enumerator of its own.
    /// </summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        if (count == 0)
        {
            return Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();
        }

        if (Interlocked.CompareExchange(ref enumerating, 1, 0) == 0)
        {
            position = -1;
            return this;
        }

        return Pairs();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    KeyValuePair<string, string> IEnumerator<KeyValuePair<string, string>>.Current => items[position];

    object IEnumerator.Current => items[position];

    bool IEnumerator.MoveNext() => position < count && ++position < count;

    void IEnumerator.Reset() => position = -1;

    /// <summary>Ends the enumeration the map itself served: the next may use it again.</summary>
    void IDisposable.Dispose() => Volatile.Write(ref enumerating, 0);

    private IEnumerator<KeyValuePair<string, string>> Pairs()
    {
        for (var i = 0; i < count; i++)
        {
            yield return items[i];
        }
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(items[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
