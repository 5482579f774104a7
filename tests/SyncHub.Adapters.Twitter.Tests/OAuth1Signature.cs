using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.Twitter.Tests;

/// <summary>
/// An independent HMAC-SHA1 signature of RFC 5849 (section 3.4), to check the header the adapter sends: the base string is
/// the method, the URL without query, and the sorted, percent-encoded parameters; the key is both secrets, encoded, joined by '&amp;'.
/// </summary>
internal static class OAuth1Signature
{
    public static string Compute(string method, string url, IEnumerable<KeyValuePair<string, string>> parameters, string consumerSecret, string tokenSecret)
    {
        var normalized = string.Join('&', parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var baseString = $"{method.ToUpperInvariant()}&{Encode(url)}&{Encode(normalized)}";
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString)));
    }

    /// <summary>The parameters of an <c>Authorization: OAuth k="v", ...</c> header, decoded.</summary>
    public static Dictionary<string, string> Parameters(string header)
    {
        Assert.StartsWith("OAuth ", header, StringComparison.Ordinal);
        return header["OAuth ".Length..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Trim('"')), StringComparer.Ordinal);
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);
}
