namespace SyncHub.Domain;

/// <summary>Parses an enum by name only (case-insensitive): "3" or "High,Low" are not names.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(name);
                return true;
            }
        }

        value = default;
        return false;
    }
}
