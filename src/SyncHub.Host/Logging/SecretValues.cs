namespace SyncHub.Host.Logging;

/// <summary>
/// The secret values in the configuration: every value whose key names a secret (a <c>Token</c>, <c>Secret</c>,
/// <c>Password</c>, <c>ApiKey</c> or an entry of <c>SyncHub:Api:Keys</c>), and the password of every connection string.
/// </summary>
internal static class SecretValues
{
    /// <summary>Shorter values are not masked: they would blank out ordinary words in log lines.</summary>
    public const int MinLength = 6;

    private static readonly string[] SecretKeySuffixes = ["token", "secret", "password", "pwd", "apikey", "keys"];

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

        // A secret may also travel URL-encoded (a query string).
        return [.. secrets
            .Where(s => s.Length >= MinLength)
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)];
    }

    /// <summary>True for <c>...:Token</c>, <c>...:AppSecret</c>, <c>...:Password</c>, <c>...:ApiKey</c>, <c>SyncHub:Api:Keys:0</c>...</summary>
    private static bool NamesASecret(string key)
    {
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
