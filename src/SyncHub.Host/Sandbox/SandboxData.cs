using System.Globalization;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Reviews;

namespace SyncHub.Host.Sandbox;

/// <summary>
/// Made-up but plausible requests of every channel, from people at a handful of made-up CRM accounts (a Gold cloud
/// customer, an Enterprise self-managed one, a Silver one, a trial) and from community users with public mail addresses.
/// </summary>
internal sealed class SandboxData(Random random, string run)
{
    private static readonly DateTimeOffset Modified = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string Email, string Phone)[] People =
    [
        ("Ana Souza", "ana.souza@acme-logistics.com.br", "+55 11 3456-7801"),
        ("Bruno Lima", "bruno@nimbushealth.io", "+55 21 2233-4455"),
        ("Carla Mendes", "carla.mendes@orbitalfoods.com", "+55 31 3222-9090"),
        ("Diego Alves", "diego@brightpath.edu", "+55 41 3030-1122"),
        ("Elena Rossi", "elena.rossi@gmail.com", "+55 11 99876-5432"),
        ("Felipe Costa", "felipe.costa@outlook.com", "+55 51 98765-1234"),
    ];

    private static readonly (string Subject, string Body)[] Problems =
    [
        ("Cannot log in after the update", "Since updating to the latest version the desktop app says my password is wrong, but it works on the web."),
        ("Export to CSV stops at 80%", "The nightly export stops at 80% with no error. It worked last week; we have about 40k rows."),
        ("Invoice shows the wrong plan", "Our March invoice bills us for Silver, but we moved to Gold in February."),
        ("Production is down - system down", "Our self-managed server stopped accepting connections after the 6.4.1 upgrade. Everyone is blocked."),
        ("How do I add a second admin?", "I need to give admin rights to a colleague, but I cannot find the option in the settings."),
        ("Notifications arrive twice", "Every push notification arrives twice on Android since yesterday."),
        ("SSO with Azure AD fails", "Users are sent back to the login page after the Azure AD redirect. The error mentions an invalid audience."),
    ];

    private static readonly string[] Handles = ["@marina_dev", "@joaopedro", "@techlead_br", "@lucas_ops"];

    private static readonly (int Rating, string Title, string Text)[] Reviews =
    [
        (1, "Crashes on startup", "Since the last update the app crashes every time I open it. Please fix!"),
        (2, "Sync is slow", "Messages take minutes to appear on my phone. Used to be instant."),
        (4, "Great, one request", "Love the app. Please add a dark mode for the chat screen."),
        (5, "Works perfectly", "Fast and reliable, the new version fixed my login problem."),
    ];

    /// <summary>The made-up CRM accounts (Zoho CRM's part in the sandbox).</summary>
    public static IReadOnlyList<CrmAccount> Accounts { get; } =
    [
        new("sandbox-acc-1", "Acme Logistics", "Gold", "Active", null, ["acme-logistics.com.br"], ["+55 11 3456-7800"], Modified),
        new("sandbox-acc-2", "Nimbus Health", "Enterprise", "Customer", null, ["nimbushealth.io"], ["+55 21 2233-4400"], Modified),
        new("sandbox-acc-3", "Orbital Foods", "Silver", "Active", null, ["orbitalfoods.com"], ["+55 31 3222-9000"], Modified),
        new("sandbox-acc-4", "Brightpath Schools", "Gold", "Trial", null, ["brightpath.edu"], ["+55 41 3030-1100"], Modified),
    ];

    public static IReadOnlyList<CrmContact> Contacts { get; } =
    [
        new("sandbox-con-1", "sandbox-acc-1", People[0].Email, People[0].Phone, People[0].Name, Modified),
        new("sandbox-con-2", "sandbox-acc-2", People[1].Email, People[1].Phone, People[1].Name, Modified),
        new("sandbox-con-3", "sandbox-acc-3", People[2].Email, People[2].Phone, People[2].Name, Modified),
        new("sandbox-con-4", "sandbox-acc-4", People[3].Email, People[3].Phone, People[3].Name, Modified),
    ];

    public static string SourceOf(Channel channel) => $"Sandbox{channel}";

    public IntakeRecord Next(Channel channel, int sequence, DateTimeOffset now)
    {
        var person = Pick(People);
        var problem = Pick(Problems);
        var record = new IntakeRecord
        {
            Source = SourceOf(channel),
            ExternalId = $"{run}-{sequence.ToString(CultureInfo.InvariantCulture)}",
            Channel = channel,
            Requester = new Requester(person.Name, person.Email),
            Subject = problem.Subject,
            Body = problem.Body,
            ReceivedAt = now,
        };

        return channel switch
        {
            Channel.Web => record with
            {
                PriorityHint = Pick([Priority.Low, Priority.Medium, Priority.Medium, Priority.High]),
                Product = Pick(["Cloud", "Self-managed", "Mobile app"]),
                Diagnostics = new Dictionary<string, string> { ["clientVersion"] = Pick(["6.3.2", "6.4.0", "6.4.1"]) },
            },
            Channel.Email => record with { Subject = Pick(["", "Re: ", "Fwd: "]) + problem.Subject },
            Channel.Twitter => Tweet(Social(record, Pick(Handles), $"@synchub_support hey, {problem.Subject.ToLowerInvariant()}. Any news?")),
            Channel.Facebook => Messenger(Social(record, $"fb:{random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}", $"Hello! {problem.Body}")),
            Channel.Chat => record with
            {
                Subject = $"Offline message: {problem.Subject}",
                DepartmentHint = Pick(["Support", "Sales"]),
            },
            // The hotline's made-up callers are CRM contacts, so their answer goes by e-mail to the contact's address.
            Channel.Phone => Caller(record, People[random.Next(Contacts.Count)]) with
            {
                Body = $"Voicemail transcript: \"{problem.Body}\"",
                Diagnostics = new Dictionary<string, string> { ["callStatus"] = Pick(["voicemail", "missed", "completed"]), ["durationSeconds"] = random.Next(20, 600).ToString(CultureInfo.InvariantCulture) },
            },
            Channel.AppReview => Review(record),
            Channel.Internal => record with
            {
                Requester = new Requester(Pick(["Paula (support)", "Rafael (sales)", "Tiago (success)"]), "agent@synchub.example"),
                Subject = $"Customer asked by phone: {problem.Subject}",
            },
            _ => record,
        };
    }

    private IntakeRecord Social(IntakeRecord record, string handle, string text) => record with
    {
        Requester = new Requester(record.Requester.Name, null, null, handle),
        Subject = Adapters.SubjectLine.From(text),
        Body = text,
    };

    private static IntakeRecord Caller(IntakeRecord record, (string Name, string Email, string Phone) caller) => record with
    {
        Requester = new Requester(caller.Name, null, caller.Phone),
        Subject = $"Hotline call from {caller.Phone}",
    };

    /// <summary>A mention answered publicly on X (the sandbox's outbound side delivers it).</summary>
    private static IntakeRecord Tweet(IntakeRecord record) =>
        record with { ReplyRoute = Adapters.Twitter.TwitterReplyEvents.PublicReply(record.ExternalId, record.Requester.Handle?.TrimStart('@')) };

    /// <summary>A Messenger message answered within its 24-hour window.</summary>
    private static IntakeRecord Messenger(IntakeRecord record) =>
        record with { ReplyRoute = Adapters.Facebook.FacebookReplyRoutes.Message("sandbox-page", record.Requester.Handle!, record.Requester.Name, record.ReceivedAt, humanAgentTag: false) };

    private IntakeRecord Review(IntakeRecord record)
    {
        var review = Pick(Reviews);
        var store = Pick(["gp", "as"]);
        var version = Pick(["4.2.0", "4.2.1", "4.3.0-beta2"]);
        return record with
        {
            ReplyRoute = new ReplyRoute
            {
                EventType = ReviewEvents.Reply,
                Data = new Dictionary<string, string> { [ReviewEvents.ReviewId] = record.ExternalId, [ReviewDiagnostics.Store] = store },
                Destination = $"reply to the {ReviewDiagnostics.StoreName(store)} review",
                Setting = "SyncHub:Adapters:AppFollow:ApiToken",
            },
            Requester = new Requester(record.Requester.Name?.Split(' ')[0]),
            Subject = $"{new string('★', review.Rating)}{new string('☆', 5 - review.Rating)} {review.Title}",
            Body = review.Text,
            Diagnostics = new Dictionary<string, string>
            {
                [ReviewDiagnostics.Rating] = review.Rating.ToString(CultureInfo.InvariantCulture),
                [ReviewDiagnostics.AppVersion] = version,
                [ReviewDiagnostics.Store] = store,
                [ReviewDiagnostics.AppId] = store == "gp" ? "com.synchub.sandbox" : "1234567890",
                [ReviewDiagnostics.Locale] = Pick(["pt-BR", "en-US", "es-ES"]),
            },
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
