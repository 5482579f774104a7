using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;
using static SyncHub.Bench.SupportText;

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
            sentences.Add(SupportText.Sentence(random, product));
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
}
