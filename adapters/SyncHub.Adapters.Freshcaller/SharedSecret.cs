using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>Compares a presented shared secret with the configured one in constant time.</summary>
internal static class SharedSecret
{
    public static bool Matches(string? presented, string expected)
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
