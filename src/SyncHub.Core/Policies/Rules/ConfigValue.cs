using System.Globalization;

namespace SyncHub.Policies.Rules;

/// <summary>
/// Parses configuration text. Values inside configured maps are bound as strings and parsed here, because
/// the configuration binder silently drops a whole map entry when one of its typed values does not convert;
/// parsing here turns that into a validation error that names the key.
/// </summary>
internal static class ConfigValue
{
    /// <summary>An enum member by name, ignoring case, spaces and punctuation (<c>Paid Support</c> is <c>PaidSupport</c>); numbers are refused.</summary>
    public static bool TryParseEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        var wanted = CrmText.Normalize(text);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (wanted.Length > 0 && CrmText.Normalize(candidate.ToString()) == wanted)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    /// <summary>Null or empty is <paramref name="fallback"/>; otherwise <c>true</c> or <c>false</c>.</summary>
    public static bool TryParseBool(string? text, bool fallback, out bool value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text) || bool.TryParse(text.Trim(), out value);
    }

    public static bool TryParseInt(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
