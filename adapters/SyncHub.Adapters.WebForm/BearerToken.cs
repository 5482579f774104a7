using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.WebForm;

/// <summary>Checks an <c>Authorization: Bearer</c> header against the configured token in constant time.</summary>
internal static class BearerToken
{
    public static bool Matches(string? header, string expected)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(expected) || header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }
}
