namespace SyncHub.Accounts;

/// <summary>A look-up key (address, domain, number) to the ids of the records that carry it.</summary>
internal sealed class LookupIndex
{
    private readonly Dictionary<string, HashSet<string>> ids = new(StringComparer.Ordinal);

    public void Add(string id, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (!ids.TryGetValue(key, out var set))
            {
                ids[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(id);
        }
    }

    public void Remove(string id, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (ids.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0)
            {
                ids.Remove(key);
            }
        }
    }

    public IReadOnlyCollection<string> Get(string key) => ids.TryGetValue(key, out var set) ? set : [];
}
