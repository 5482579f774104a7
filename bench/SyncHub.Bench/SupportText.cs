using System.Globalization;
using System.Text;

namespace SyncHub.Bench;

/// <summary>
/// The help desk's vocabulary the bench writes tickets in: products, problems, events and sentence templates with
/// numbers, error codes, host names and invoices filled in at random (a few words frequent, most rare, codes nearly
/// unique). The search scenario's tickets (<see cref="SearchCorpus"/>) and the intake records' bodies
/// (<see cref="BenchRecords"/>) are made of it.
/// </summary>
internal static class SupportText
{
    public static readonly string[] Products = ["desktop app", "mobile app", "web client", "server", "omnichannel", "livechat", "marketplace", "federation", "ldap sync", "push gateway"];

    public static readonly string[] Problems =
    [
        "cannot log in", "crashes on start", "is very slow", "does not send notifications", "shows a blank page", "loses messages", "fails to upload files",
        "rejects the license", "times out", "disconnects every few minutes", "cannot export the report", "shows the wrong invoice", "does not sync users",
        "asks for the password again", "freezes when searching", "returns error 500", "cannot reach the database", "uses too much memory",
    ];

    public static readonly string[] Events =
    [
        "the update", "the upgrade to 6.4", "the migration", "changing the password", "enabling two factor", "restarting the server", "the certificate renewal",
        "moving to the cloud", "adding new users", "yesterday", "this morning", "the holidays",
    ];

    private static readonly string[] Sentences =
    [
        "We have {n} users affected in the {team} team.",
        "It started after {event} and happens every time.",
        "The log shows {code} on host {host}.",
        "Our version is {version} on {os}.",
        "We already restarted the {product} and cleared the cache.",
        "Could you please check this urgently, our {team} department is blocked.",
        "The invoice number {invoice} does not match the contract.",
        "Attached is a screenshot of the error dialog.",
        "It works in the browser but not in the {product}.",
        "Only users with the {role} role see this problem.",
        "We tried to reproduce it on the test system without success.",
        "The backup job reports a failure since {event}.",
    ];

    private static readonly string[] Teams = ["sales", "finance", "support", "engineering", "marketing", "logistics", "legal", "operations", "hr", "research"];
    private static readonly string[] Systems = ["windows 11", "macos 14", "ubuntu 22.04", "android 14", "ios 17", "debian 12"];
    private static readonly string[] Roles = ["admin", "moderator", "guest", "owner", "auditor", "bot"];

    /// <summary>One sentence of a customer's message about <paramref name="product"/>.</summary>
    public static string Sentence(Random random, string product) =>
        Pick(random, Sentences)
            .Replace("{n}", random.Next(2, 400).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{team}", Pick(random, Teams), StringComparison.Ordinal)
            .Replace("{event}", Pick(random, Events), StringComparison.Ordinal)
            .Replace("{code}", $"E{random.Next(1000, 99999)}", StringComparison.Ordinal)
            .Replace("{host}", $"srv-{random.Next(1, 5000)}.corp", StringComparison.Ordinal)
            .Replace("{version}", $"6.{random.Next(0, 12)}.{random.Next(0, 9)}", StringComparison.Ordinal)
            .Replace("{os}", Pick(random, Systems), StringComparison.Ordinal)
            .Replace("{product}", product, StringComparison.Ordinal)
            .Replace("{invoice}", $"INV-{random.Next(100000, 999999)}", StringComparison.Ordinal)
            .Replace("{role}", Pick(random, Roles), StringComparison.Ordinal);

    /// <summary>
    /// A message of exactly <paramref name="length"/> characters (ASCII: as many bytes): an opening line, then sentences
    /// about one product drawn with <paramref name="random"/> until it is long enough, cut there.
    /// </summary>
    public static string Message(Random random, int length)
    {
        var product = Pick(random, Products);
        var text = new StringBuilder(length + 200);
        text.Append(CultureInfo.InvariantCulture, $"Hello, our {product} {Pick(random, Problems)} after {Pick(random, Events)}.");
        while (text.Length < length)
        {
            text.Append(' ').Append(Sentence(random, product));
        }

        return text.ToString(0, length);
    }

    public static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    public static string Pick(Random random, string[] values) => values[Zipf(random, values.Length)];

    /// <summary>A skewed pick in [0, n): low indexes often, high ones rarely.</summary>
    public static int Zipf(Random random, int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(random.NextDouble(), 2.2) * n));
}
