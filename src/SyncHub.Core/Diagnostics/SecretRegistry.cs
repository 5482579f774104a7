using System.Text;
using SyncHub.Adapters;

namespace SyncHub.Diagnostics;

/// <summary>
/// The secrets no log line may carry: the configured ones (given at start) and those adapters obtain at run time
/// (<see cref="ISecretRegistry.Add"/>). Each is kept with the forms it can travel in: as is, URL-encoded with upper- and
/// lower-case hex, and base64 (standard and URL-safe). Values shorter than <see cref="MinLength"/> are ignored: they
/// would blank out ordinary words. Reads are lock-free (the list is replaced on each addition).
/// </summary>
public sealed class SecretRegistry : ISecretRegistry
{
    /// <summary>Shorter values are not masked.</summary>
    public const int MinLength = 6;

    private readonly Lock gate = new();
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private volatile string[] forms = [];

    public SecretRegistry(IEnumerable<string>? configured = null)
    {
        foreach (var secret in configured ?? [])
        {
            Add(secret);
        }
    }

    /// <summary>Every form of every secret, longest first (so a longer form is masked before a shorter one inside it).</summary>
    public IReadOnlyList<string> Forms => forms;

    public void Add(string secret)
    {
        var value = secret?.Trim();
        if (value is null || value.Length < MinLength)
        {
            return;
        }

        lock (gate)
        {
            if (!known.Add(value))
            {
                return;
            }

            forms = [.. forms.Concat(FormsOf(value)).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
        }
    }

    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        var escaped = Uri.EscapeDataString(secret);
        yield return escaped;
        yield return LowerHex(escaped);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary><c>%2F</c> as <c>%2f</c>: the same URL, written by a client that prefers lower case.</summary>
    private static string LowerHex(string escaped)
    {
        var text = escaped.ToCharArray();
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '%')
            {
                text[i + 1] = char.ToLowerInvariant(text[i + 1]);
                text[i + 2] = char.ToLowerInvariant(text[i + 2]);
            }
        }

        return new string(text);
    }
}
