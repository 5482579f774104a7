using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters;

/// <summary>
/// Compares a presented secret (a verify token, a token header, a bearer token) with the configured one in constant time,
/// whatever the lengths. Webhook sources use it for every token check.
/// </summary>
public static class Secrets
{
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || presented is null)
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }
}
