using System.Globalization;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>
/// Orders cursor values: numbers by value (<c>9</c> before <c>10</c>), instants by time whatever their offsets, anything
/// else by ordinal text. Both sides must be of one kind for the first two; mixed values fall back to text.
/// </summary>
internal static class FeedCursor
{
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) &&
            decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        if (IsInstant(left) && IsInstant(right) &&
            DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var x) &&
            DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var y))
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(left, right);
    }

    public static bool IsAfter(string value, string? cursor) => cursor is null || Compare(value, cursor) > 0;

    // An ISO 8601 date starts with four digits and a dash; other text that happens to parse as a date stays text.
    private static bool IsInstant(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-';
}
