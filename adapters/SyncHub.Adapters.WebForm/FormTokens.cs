using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// The signed <c>formToken</c> of a public form: the instant the form was shown and an HMAC-SHA256 over it
/// (<c>{unix ms}.{base64url mac}</c>), so a submission tells how long its form was open and a bot cannot forge an old one.
/// </summary>
public sealed class FormTokens(IOptionsMonitor<WebFormOptions> options, TimeProvider time)
{
    /// <summary>The form field that carries the token.</summary>
    public const string Field = "formToken";

    private readonly byte[] processKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for a form shown now.</summary>
    public string Issue()
    {
        var shown = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"{shown}.{Mac(shown)}";
    }

    /// <summary>How long ago the form of <paramref name="token"/> was shown; null when the token is missing, forged or expired.</summary>
    public TimeSpan? Age(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var shownMs))
        {
            return null;
        }

        var expected = Mac(token![..dot]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token[(dot + 1)..])))
        {
            return null;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(shownMs);
        return age < TimeSpan.Zero || age > options.CurrentValue.Public.FormTokenLifetime ? null : age;
    }

    private string Mac(string shown)
    {
        var secret = options.CurrentValue.Public.FormSecret;
        var key = secret.Length > 0 ? Encoding.UTF8.GetBytes(secret) : processKey;
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(shown))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
