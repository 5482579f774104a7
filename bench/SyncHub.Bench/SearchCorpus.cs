using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Bench;

/// <summary>
/// Realistic tickets for the search scenario: support subjects and bodies drawn from a help desk's vocabulary (a few
/// words frequent, most rare, error codes and host names unique), 200,000 requesters of 20,000 accounts, most tickets
/// solved or closed, the open ones with SLA deadlines around now, some assigned.
/// </summary>
internal sealed class SearchCorpus(DateTimeOffset now)
{
    public const int People = 200_000;

    private static readonly string[] First =
    [
        "ana", "joao", "maria", "pedro", "lucas", "julia", "marie", "helene", "pierre", "hans", "greta", "olga", "ivan", "yuki", "kenji", "li",
        "wei", "fatima", "omar", "amina", "carlos", "lucia", "sofia", "mateo", "emma", "noah", "liam", "olivia", "ava", "mia", "leon", "lea",
        "finn", "nora", "elias", "ida", "oskar", "maja", "arne", "sven", "ingrid", "bjorn", "paulo", "renata", "thiago", "camila", "diego", "valentina",
    ];

    private static readonly string[] Last =
    [
        "souza", "silva", "santos", "oliveira", "dupont", "martin", "bernard", "muller", "schmidt", "schneider", "fischer", "weber", "rossi", "russo",
        "ferrari", "esposito", "tanaka", "suzuki", "sato", "wang", "zhang", "chen", "kim", "lee", "park", "nguyen", "tran", "garcia", "lopez", "gonzalez",
        "perez", "sanchez", "ramirez", "torres", "smith", "jones", "brown", "taylor", "wilson", "davies", "evans", "thomas", "johnson", "roberts",
        "andersson", "johansson", "karlsson", "nilsson", "larsen", "hansen",
    ];

    private static readonly string[] CompanyWords =
    [
        "acme", "globex", "initech", "umbrella", "stark", "wayne", "hooli", "vandelay", "soylent", "tyrell", "cyberdyne", "aperture", "wonka", "gringotts",
        "oceanic", "nakatomi", "massive", "dynamic", "pied", "piper", "blue", "sun", "north", "south", "atlas", "orion", "zenith", "apex", "summit", "delta",
    ];

    private static readonly string[] CompanySuffix = ["ltda", "gmbh", "sa", "inc", "ltd", "bv", "ab", "oy", "srl", "kk"];

    private static readonly string[] Products = ["desktop app", "mobile app", "web client", "server", "omnichannel", "livechat", "marketplace", "federation", "ldap sync", "push gateway"];

    private static readonly string[] Problems =
    [
        "cannot log in", "crashes on start", "is very slow", "does not send notifications", "shows a blank page", "loses messages", "fails to upload files",
        "rejects the license", "times out", "disconnects every few minutes", "cannot export the report", "shows the wrong invoice", "does not sync users",
        "asks for the password again", "freezes when searching", "returns error 500", "cannot reach the database", "uses too much memory",
    ];

    private static readonly string[] Events =
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
    private static readonly string[] Agents = ["ana", "bruno", "carla", "diego", "eva", "felipe", "gabi", "hugo", "iris", "jonas"];

    /// <summary>The e-mail address of person <paramref name="person"/>.</summary>
    public static string Email(int person) =>
        $"{First[person % First.Length]}.{Last[person / First.Length % Last.Length]}{person}@{Company(person % 20_000).Replace(' ', '-')}.example";

    /// <summary>The <paramref name="i"/>th ticket (deterministic).</summary>
    public TicketCreation Ticket(int i)
    {
        var random = new Random(i);
        var person = Zipf(random, People);
        var number = i.ToString(CultureInfo.InvariantCulture);
        var product = Pick(random, Products);
        var subject = $"{Capital(product)} {Pick(random, Problems)} after {Pick(random, Events)}";
        var sentences = new List<string>();
        for (var s = 0; s < 3 + random.Next(4); s++)
        {
            sentences.Add(Pick(random, Sentences)
                .Replace("{n}", random.Next(2, 400).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{team}", Pick(random, Teams), StringComparison.Ordinal)
                .Replace("{event}", Pick(random, Events), StringComparison.Ordinal)
                .Replace("{code}", $"E{random.Next(1000, 99999)}", StringComparison.Ordinal)
                .Replace("{host}", $"srv-{random.Next(1, 5000)}.corp", StringComparison.Ordinal)
                .Replace("{version}", $"6.{random.Next(0, 12)}.{random.Next(0, 9)}", StringComparison.Ordinal)
                .Replace("{os}", Pick(random, Systems), StringComparison.Ordinal)
                .Replace("{product}", product, StringComparison.Ordinal)
                .Replace("{invoice}", $"INV-{random.Next(100000, 999999)}", StringComparison.Ordinal)
                .Replace("{role}", Pick(random, Roles), StringComparison.Ordinal));
        }

        var created = now.AddMinutes(-random.Next(0, 60 * 24 * 365));
        var open = random.NextDouble() < 0.2;
        var status = open ? (random.NextDouble() < 0.8 ? TicketStatus.Open : TicketStatus.Pending) : (random.NextDouble() < 0.3 ? TicketStatus.Solved : TicketStatus.Closed);
        var dueFrom = now.AddMinutes(random.Next(-600, 60 * 24 * 3));
        SlaStamp? sla = random.NextDouble() < 0.1 ? null : new SlaStamp
        {
            Policy = "gold-medium",
            Clock = "24x7",
            FirstResponseTarget = TimeSpan.FromHours(4),
            ResolutionTarget = TimeSpan.FromDays(2),
            FirstResponseAtRiskAt = dueFrom.AddHours(-1),
            FirstResponseDueAt = dueFrom,
            ResolutionAtRiskAt = dueFrom.AddDays(1),
            ResolutionDueAt = dueFrom.AddDays(2),
            FirstRespondedAt = random.NextDouble() < 0.5 ? created.AddHours(1) : null,
            FirstResponseBreached = dueFrom < now && random.NextDouble() < 0.5,
            Paused = status == TicketStatus.Pending,
            ResolvedAt = open ? null : created.AddDays(1),
        };
        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(created).ToString("N"),
            Channel = (Channel)(i % Enum.GetValues<Channel>().Length),
            Source = "Bench",
            ExternalId = "search-" + number,
            Subject = subject,
            Body = string.Join(' ', sentences),
            Requester = new Requester($"{Capital(First[person % First.Length])} {Capital(Last[person / First.Length % Last.Length])}", Email(person), $"+1 555 {person:D7}", null),
            Account = new AccountSnapshot($"crm-{person % 20_000}", Company(person % 20_000), "Gold", "Active Customer"),
            Priority = (Priority)(random.Next(10) switch { 0 => 0, < 7 => 1, _ => 2 }),
            Department = (Department)random.Next(3),
            Status = status,
            Assignee = random.NextDouble() < 0.6 ? Pick(random, Agents) : null,
            CustomerReplied = open && random.NextDouble() < 0.2,
            Sla = sla,
            CreatedAt = created,
            UpdatedAt = created.AddMinutes(random.Next(0, 600)),
            Version = 1,
        };
        return new TicketCreation(ticket, [new HistoryEntry(created, HistoryTypes.Created, "Created from the bench")], [], new HistoryEntry(created, HistoryTypes.Threaded, "-"));
    }

    private static string Company(int account) =>
        $"{Capital(CompanyWords[account % CompanyWords.Length])} {Capital(CompanyWords[account / CompanyWords.Length % CompanyWords.Length])} {CompanySuffix[account % CompanySuffix.Length]}{(account >= 900 ? " " + (account / 900).ToString(CultureInfo.InvariantCulture) : "")}";

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Pick(Random random, string[] values) => values[Zipf(random, values.Length)];

    /// <summary>A skewed pick in [0, n): low indexes often, high ones rarely.</summary>
    private static int Zipf(Random random, int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(random.NextDouble(), 2.2) * n));
}
