namespace SyncHub.Adapters.Twitter;

/// <summary>X ids are unsigned 64-bit numbers sent as strings; they grow with time, so the larger id is the newer post.</summary>
internal static class TweetIds
{
    public static bool IsId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 20 && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out _);

    /// <summary>Orders ids numerically (a longer id is a larger number) without parsing them.</summary>
    public static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    /// <summary>The newer of two ids; null when both are null.</summary>
    public static string? Newest(string? a, string? b) =>
        a is null ? b : b is null ? a : Compare(a, b) >= 0 ? a : b;
}
