using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.InMemory;
using SyncHub.Pipeline;
using SyncHub.Redis.Reviews;
using SyncHub.Reviews;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Workflow;

namespace SyncHub.Redis.Tests.Reviews;

/// <summary>
/// The hotline follow-up and the critical-review alert over the Redis store, through the real pipeline: written by the
/// creation script with the ticket, their texts numbered by it, once under replay.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCreationHooksTests(RedisServerFixture redis) : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private ServiceProvider? provider;

    private IIntakePipeline Pipeline => provider!.GetRequiredService<IIntakePipeline>();

    private ITicketStore Store => provider!.GetRequiredService<ITicketStore>();

    [Fact]
    public async Task Call_FromAKnownAddress_IsStoredWithItsFollowUpMailNumberedByTheCreationScript()
    {
        await StartAsync();
        await Pipeline.SubmitAsync(Call("call-0"));

        var created = await Pipeline.SubmitAsync(Call("call-1"));
        var replayed = await Pipeline.SubmitAsync(Call("call-1"));

        Assert.Equal((IntakeOutcome.Created, IntakeOutcome.Duplicate), (created.Outcome, replayed.Outcome));
        var ticket = (await Store.GetAsync(created.TicketId!))!;
        Assert.Equal(1, ticket.Version);
        var entry = Assert.Single(ticket.History, h => h.Type == CallFollowUp.HistoryType);
        Assert.Equal("Follow-up e-mail queued to ana@acme.example", entry.Message);
        var mails = (await Store.ReadOutboxAsync(null, 100)).Select(e => e.Event).Where(e => e.TicketId == created.TicketId).ToList();
        Assert.Equal([OutboxEventTypes.TicketCreated, MailEvents.FollowUp], mails.Select(e => e.Type));
        var mail = mails[1];
        Assert.Equal((created.Number, $"{created.TicketId}:call-follow-up", "ana@acme.example"), (mail.TicketNumber, mail.Id, mail.Data[MailEvents.To]));
        Assert.Equal($"[#{created.Number}] We received your call: Hotline call", mail.Data[MailEvents.Subject]);
        Assert.Contains($"We opened ticket #{created.Number} for it.", mail.Data[MailEvents.Body], StringComparison.Ordinal);
        Assert.Contains($"keep [#{created.Number}] in the subject", mail.Data[MailEvents.Body], StringComparison.Ordinal);
        Assert.Contains("Ana, quote {number} or #\\u0001# as you like.", mail.Data[MailEvents.Body], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CriticalReview_IsStoredWithItsRoutingLineAndAlertLinkedByItsNumber()
    {
        await StartAsync(("SyncHub:Reviews:TicketLink", "https://support.example.com/#/tickets/{number}"));

        var created = await Pipeline.SubmitAsync(Review("gp:app:1"));
        await Pipeline.SubmitAsync(Review("gp:app:1"));

        var ticket = (await Store.GetAsync(created.TicketId!))!;
        Assert.Equal(1, ticket.Version);
        Assert.Single(ticket.History, h => h.Type == ReviewAlerts.RoutingType);
        var entry = Assert.Single(ticket.History, h => h.Type == ReviewAlerts.CriticalKind);
        var alert = Assert.Single((await Store.ReadOutboxAsync(null, 100)).Select(e => e.Event), e => e.Type == ChatEvents.Message);
        Assert.Equal((created.Number, alert.Id), (alert.TicketNumber, entry.Data?["eventId"]));
        Assert.Equal($"https://support.example.com/#/tickets/{created.Number}", alert.Data["link"]);
        Assert.EndsWith($"\nhttps://support.example.com/#/tickets/{created.Number}", alert.Data[ChatEvents.Text], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrequentIssue_EachReviewCountedByTheCreationScript_TheOneAtTheThresholdAlertsOnce()
    {
        var signals = new CountingSignals(typeof(RedisReviewSignalStore));
        await StartAsync(signals, ("SyncHub:Reviews:Frequent:Threshold", "3"));

        var created = new List<IntakeResult>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await Pipeline.SubmitAsync(Review($"gp:app:{i}")));
        }

        // Counted in each creation: no call of the signal script of its own.
        Assert.Equal(0, signals.Calls);
        var frequent = new List<long>();
        foreach (var result in created)
        {
            var ticket = (await Store.GetAsync(result.TicketId!))!;
            frequent.AddRange(ticket.History.Where(h => h.Type == ReviewAlerts.FrequentKind).Select(_ => ticket.Number));
        }

        Assert.Equal([created[2].Number], frequent);
        var alert = Assert.Single((await Store.ReadOutboxAsync(null, 100)).Select(e => e.Event), e => e.Id.EndsWith(ReviewAlerts.FrequentKind, StringComparison.Ordinal));
        Assert.Equal("3", alert.Data["count"]);
        Assert.Equal(string.Join(", ", created.Select(c => $"#{c.Number}")), alert.Data["tickets"]);

        // A replay is counted after the store call (the creation script only counts a ticket it creates), once.
        var replayed = await Pipeline.SubmitAsync(Review("gp:app:2"));

        Assert.Equal(IntakeOutcome.Duplicate, replayed.Outcome);
        Assert.Equal(1, signals.Calls);
        Assert.Single((await Store.GetAsync(created[2].TicketId!))!.History, h => h.Type == ReviewAlerts.FrequentKind);
    }

    [Fact]
    public async Task FrequentIssue_WithTheInMemoryCounter_EveryReviewIsCountedThere_TheOneAtTheThresholdAlertsOnce()
    {
        // The Redis store beside a counter of its own: the creation script must not count in Redis what the counter
        // would not see (the counts would split between the two).
        var signals = new CountingSignals(typeof(InMemoryReviewSignalStore));
        await StartAsync(signals, ("SyncHub:Reviews:Frequent:Threshold", "3"));

        var created = new List<IntakeResult>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await Pipeline.SubmitAsync(Review($"gp:app:{i}")));
        }

        Assert.Equal(3, signals.Calls);
        var alert = Assert.Single((await Store.ReadOutboxAsync(null, 100)).Select(e => e.Event), e => e.Id.EndsWith(ReviewAlerts.FrequentKind, StringComparison.Ordinal));
        Assert.Equal((created[2].TicketId, "3"), (alert.TicketId, alert.Data["count"]));
    }

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.GetRequiredService<IntakePipeline>().StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }

    private static IntakeRecord Call(string id) => new()
    {
        Source = "Freshcaller",
        ExternalId = id,
        Channel = Channel.Phone,
        Requester = new Requester("Ana", "ana@acme.example", "+55 11 98765-4321"),
        Subject = "Hotline call",
        Body = "Internal notes.",
        ReceivedAt = Now.AddMinutes(-5),
        Diagnostics = new Dictionary<string, string> { [CallDiagnostics.CustomerSummary] = "Ana, quote {number} or #\\u0001# as you like." },
    };

    private static IntakeRecord Review(string id) => new()
    {
        Source = "AppFollow",
        ExternalId = id,
        Channel = Channel.AppReview,
        Requester = new Requester("Ana Souza"),
        Subject = "",
        Body = "The app crashes when I open a channel.",
        ReceivedAt = Now.AddMinutes(-30),
        Diagnostics = new Dictionary<string, string>
        {
            [ReviewDiagnostics.Store] = "gp",
            [ReviewDiagnostics.AppId] = "chat.rocket.android",
            [ReviewDiagnostics.Rating] = "1",
            [ReviewDiagnostics.AppVersion] = "4.2.0",
        },
    };

    private Task StartAsync(params (string Key, string? Value)[] settings) => StartAsync(null, settings);

    private async Task StartAsync(CountingSignals? signals, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix(),
            ["SyncHub:CallFollowUp:Subject"] = "[#{number}] We received your call: {subject}",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSyncHubCore(configuration);
        services.AddRedisStore(configuration);
        services.AddReviewPolicies(configuration);
        services.AddRedisReviewSignals();
        if (signals is not null)
        {
            services.AddSingleton<IReviewSignalStore>(sp => signals.Over((IReviewSignalStore)ActivatorUtilities.CreateInstance(sp, signals.InnerType)));
        }

        provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IntakePipeline>().StartAsync(CancellationToken.None);
    }

    /// <summary>A signal store of type <paramref name="innerType"/>, counting the calls made to it.</summary>
    private sealed class CountingSignals(Type innerType) : IReviewSignalStore
    {
        private IReviewSignalStore? inner;

        public Type InnerType { get; } = innerType;

        public int Calls { get; private set; }

        public bool CountedInCreation => inner!.CountedInCreation;

        public IReviewSignalStore Over(IReviewSignalStore store)
        {
            inner = store;
            return this;
        }

        public Task<SignalCount> RecordAsync(
            string signature, long ticketNumber, string? version, DateTimeOffset at, TimeSpan window, int threshold, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner!.RecordAsync(signature, ticketNumber, version, at, window, threshold, cancellationToken);
        }
    }
}
