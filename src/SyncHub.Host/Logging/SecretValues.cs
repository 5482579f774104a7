using SyncHub.Diagnostics;

namespace SyncHub.Host.Logging;

/// <summary>
/// The secret values in the configuration: every value whose key names a secret (a <c>Token</c>, <c>Secret</c>,
/// <c>Password</c>, <c>ApiKey</c>, <c>SigningKey</c> or an entry of <c>SyncHub:Api:Keys</c>), and the password of every connection string.
/// <see cref="SecretRegistry"/> adds the forms they travel in.
/// </summary>
internal static class SecretValues
{
    private static readonly string[] SecretKeySuffixes = ["token", "secret", "password", "pwd", "apikey", "keys", "signingkey"];

    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var password in ConnectionStringPasswords(value))
                {
                    secrets.Add(password);
                }
            }
            else if (NamesASecret(key))
            {
                secrets.Add(value.Trim());
            }
        }

        return [.. secrets];
    }

    /// <summary>
    /// True for <c>...:Token</c>, <c>...:AppSecret</c>, <c>...:Password</c>, <c>...:ApiKey</c>, <c>SyncHub:Api:Keys:0</c>...: keys of a
    /// section. A top-level key is an environment variable of the process, not a setting: <c>PWD</c> is the working
    /// directory, not a password.
    /// </summary>
    private static bool NamesASecret(string key)
    {
        if (!key.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = key.Split(':');
        var name = segments.Reverse().FirstOrDefault(s => !s.All(char.IsAsciiDigit)) ?? "";
        return SecretKeySuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The password of a StackExchange.Redis string (<c>host:port,password=...</c>) or of a URL (<c>redis://user:pass@host</c>).</summary>
    private static IEnumerable<string> ConnectionStringPasswords(string connectionString)
    {
        foreach (var part in connectionString.Split([',', ';']))
        {
            var pair = part.Trim();
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Trim() is var name
                && (name.Equals("password", StringComparison.OrdinalIgnoreCase) || name.Equals("pwd", StringComparison.OrdinalIgnoreCase)))
            {
                yield return pair[(equals + 1)..].Trim();
            }
            else if (Uri.TryCreate(pair, UriKind.Absolute, out var uri) && uri.UserInfo.Split(':', 2) is [_, var secret] && secret.Length > 0)
            {
                yield return Uri.UnescapeDataString(secret);
            }
        }
    }
}
