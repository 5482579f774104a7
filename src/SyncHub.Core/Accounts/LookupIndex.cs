namespace SyncHub.Accounts;

/// <summary>
/// A look-up key (address, domain, number) to the ids of the records that carry it. Most keys belong to one record, so
/// such a key holds the id itself and only a shared key holds a set: a directory of many records loads and weighs less.
/// </summary>
internal sealed class LookupIndex
{
    /// <summary>Per key, the one id (a string) or the ids (a <see cref="HashSet{T}"/> of two or more).</summary>
    private readonly Dictionary<string, object> ids = new(StringComparer.Ordinal);

    public void Add(string id, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!ids.TryGetValue(key, out var held))
            {
                ids[key] = id;
            }
            else if (held is HashSet<string> set)
            {
                set.Add(id);
            }
            else if (!string.Equals((string)held, id, StringComparison.Ordinal))
            {
                ids[key] = new HashSet<string>(StringComparer.Ordinal) { (string)held, id };
            }
        }
    }

    public void Remove(string id, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!ids.TryGetValue(key, out var held))
            {
                continue;
            }

            if (held is HashSet<string> set)
            {
                if (set.Remove(id) && set.Count == 1)
                {
                    ids[key] = set.First();
                }
            }
            else if (string.Equals((string)held, id, StringComparison.Ordinal))
            {
                ids.Remove(key);
            }
        }
    }

    /// <summary>The ids under <paramref name="key"/>: the one id (nearly every key), or the set of a shared key, or neither.</summary>
    public (string? One, HashSet<string>? Shared) Get(string key) => ids.TryGetValue(key, out var held)
        ? (held as string, held as HashSet<string>)
        : (null, null);
}
