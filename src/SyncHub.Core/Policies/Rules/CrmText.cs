namespace SyncHub.Policies.Rules;

/// <summary>
/// Compares CRM values (plans, account statuses, source names) the way people write them: ignoring case,
/// spaces and punctuation, so <c>Potential - VIP</c> matches <c>potential vip</c>.
/// </summary>
public static class CrmText
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return string.Create(value.Count(char.IsLetterOrDigit), value, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }

    public static bool Same(string? left, string? right) =>
        Normalize(left) is { Length: > 0 } normalized && normalized == Normalize(right);

    /// <summary>A set of normalized values for repeated look-ups.</summary>
    public static IReadOnlySet<string> ToSet(IEnumerable<string> values) =>
        values.Select(Normalize).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
}
