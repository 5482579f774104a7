using System.Buffers;
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

        // Hash both sides so the comparison takes the same time whatever the lengths. On the stack: every webhook checks one.
        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> wanted = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(presented.AsSpan().Trim(), given);
        Hash(expected, wanted);
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }

    /// <summary>The SHA-256 of the text's UTF-8 bytes; a long text's bytes in a pooled array, cleared before it goes back.</summary>
    private static void Hash(ReadOnlySpan<char> text, Span<byte> hash)
    {
        const int OnStack = 256;
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = size <= OnStack ? stackalloc byte[OnStack] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, bytes);
            SHA256.HashData(bytes[..written], hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
