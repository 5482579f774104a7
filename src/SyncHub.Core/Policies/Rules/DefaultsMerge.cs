namespace SyncHub.Policies.Rules;

/// <summary>
/// Merges configured entries with built-in defaults: maps merge by key (case-insensitive), an entry that
/// exists in both is merged field by field by <c>merge(configured, defaults)</c>, and defaults that are not
/// configured are kept. Never changes its inputs.
/// </summary>
internal static class DefaultsMerge
{
    public static Dictionary<string, T> ByKey<T>(
        IReadOnlyDictionary<string, T>? configured,
        IReadOnlyDictionary<string, T> defaults,
        Func<T, T, T> merge)
        where T : class
    {
        var result = new Dictionary<string, T>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configured ?? new Dictionary<string, T>())
        {
            if (value is null)
            {
                continue;
            }

            if (result.Remove(key, out var fallback))
            {
                result[key] = merge(value, fallback);
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }
}
