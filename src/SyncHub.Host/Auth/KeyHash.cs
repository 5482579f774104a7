using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Host.Auth;

/// <summary>The <c>sha256:&lt;64 lowercase hex&gt;</c> form in which keys are configured, and new random keys.</summary>
internal static class KeyHash
{
    public const string Prefix = "sha256:";

    /// <summary>SHA-256 of the UTF-8 key, as the settings hold it.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Prefix + Convert.ToHexStringLower(Bytes(key));
    }

    /// <summary>The raw SHA-256 of the UTF-8 key: what the authentication compares.</summary>
    public static byte[] Bytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A new key: 32 random bytes, base64url without padding.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool TryParse(string? text, out byte[] hash)
    {
        hash = [];
        var value = text?.Trim();
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length != Prefix.Length + 64
            || !value[Prefix.Length..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return false;
        }

        hash = Convert.FromHexString(value[Prefix.Length..]);
        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
