using Microsoft.Extensions.DependencyInjection;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Core.Tests.Pipeline;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Testing.Doubles;
using SyncHub.Workflow;

namespace SyncHub.Core.Tests.Workflow;

public sealed class CallFollowUpTests
{
    /// <summary>What the agent wrote down during the call: for agents only, never for the caller.</summary>
    private const string InternalNotes = "Caller furious, threatens to cancel. Suspect corrupted tenant index after the 6.4 upgrade; escalate to Bruno.";

    private static IntakeRecord Call(string id, string phone = "+55 (11) 98765-4321", string body = InternalNotes, Dictionary<string, string>? diagnostics = null) => new()
    {
        Source = "Freshcaller",
        ExternalId = id,
        Channel = Channel.Phone,
        Requester = new Requester(Phone: phone),
        Subject = "Hotline call from +55 11 98765-4321",
        Body = body,
        ReceivedAt = Records.At,
        Diagnostics = diagnostics ?? [],
    };

    private static async Task<PipelineHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var harness = new PipelineHarness(settings, services: s => s.AddInMemoryAccountDirectory());
        await harness.Get<IAccountDirectoryStore>().UpsertAsync(
            [new CrmAccount("acc-1", "ACME Ltda", "Gold", "Active", null, ["acme.example"], ["+551140001000"], Records.At)],
            [new CrmContact("c-1", "acc-1", "ana@acme.example", "+5511987654321", "Ana Souza", Records.At)]);
        await harness.StartAsync();
        return harness;
    }

    [Fact]
    public async Task Call_FromAKnownContact_QueuesOneFollowUpMailWithTheTicketNumber()
    {
        await using var harness = await StartAsync();

        var created = await harness.Pipeline.SubmitAsync(Call("call-1"));
        var replayed = await harness.Pipeline.SubmitAsync(Call("call-1"));

        Assert.Equal(IntakeOutcome.Duplicate, replayed.Outcome);
        var outbox = await harness.Store.ReadOutboxAsync(null, 10);
        var mail = Assert.Single(outbox, e => e.Event.Type == MailEvents.FollowUp).Event;
        Assert.Equal("ana@acme.example", mail.Data[MailEvents.To]);
        Assert.Equal("true", mail.Data[MailEvents.Automatic]);
        Assert.Contains($"#{created.Number}", mail.Data[MailEvents.Body], StringComparison.Ordinal);
        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.Single(ticket.History, h => h.Type == CallFollowUp.HistoryType);
        Assert.Equal("ACME Ltda", ticket.Account?.Name);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_FromAKnownContact_TheTicketIsCreatedWithItsFollowUpNumberedInEveryPlace()
    {
        await using var harness = await StartAsync(new()
        {
            ["SyncHub:CallFollowUp:Subject"] = "[#{number}] {subject}",
            ["SyncHub:CallFollowUp:Summary"] = "Ticket {number} was opened by {agent}.",
        });

        var created = await harness.Pipeline.SubmitAsync(Call("call-6", diagnostics: new() { [CallDiagnostics.Agent] = "João" }));
        var replayed = await harness.Pipeline.SubmitAsync(Call("call-6", diagnostics: new() { [CallDiagnostics.Agent] = "João" }));

        Assert.Equal((IntakeOutcome.Created, IntakeOutcome.Duplicate), (created.Outcome, replayed.Outcome));
        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.Equal(1, ticket.Version);
        var entry = Assert.Single(ticket.History, h => h.Type == CallFollowUp.HistoryType);
        var events = (await harness.Store.ReadOutboxAsync(null, 10)).Select(e => e.Event).ToList();
        Assert.Equal([OutboxEventTypes.TicketCreated, MailEvents.FollowUp], events.Select(e => e.Type));
        var mail = events[1];
        Assert.Equal((created.TicketId, created.Number, $"{created.TicketId}:call-follow-up"), (mail.TicketId, mail.TicketNumber, mail.Id));
        Assert.Equal(new Dictionary<string, string> { ["to"] = "ana@acme.example", ["eventId"] = mail.Id }, entry.Data);
        Assert.Equal("Follow-up e-mail queued to ana@acme.example", entry.Message);
        Assert.Equal($"[#{created.Number}] Hotline call from +55 11 98765-4321", mail.Data[MailEvents.Subject]);
        var body = mail.Data[MailEvents.Body];
        Assert.Contains($"We opened ticket #{created.Number} for it.", body, StringComparison.Ordinal);
        Assert.Contains($"Ticket {created.Number} was opened by João.", body, StringComparison.Ordinal);
        Assert.Contains($"keep [#{created.Number}] in the subject", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", body, StringComparison.Ordinal);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_TemplateWithBracesThatAreNoPlaceholder_KeepsThemAndFillsThePlaceholders()
    {
        await using var harness = await StartAsync(new()
        {
            ["SyncHub:CallFollowUp:Subject"] = "{{number}} {subject} {unknown} }",
            ["SyncHub:CallFollowUp:Body"] = "Hi {name}: {summary} ({number}, {number})",
            ["SyncHub:CallFollowUp:Summary"] = "Taken by {agent}.",
        });

        var created = await harness.Pipeline.SubmitAsync(Call("call-8", diagnostics: new() { [CallDiagnostics.Agent] = "João" }));

        var mail = (await harness.Store.ReadOutboxAsync(null, 10)).Single(e => e.Event.Type == MailEvents.FollowUp).Event;
        Assert.Equal($"{{{created.Number}}} Hotline call from +55 11 98765-4321 {{unknown}} }}", mail.Data[MailEvents.Subject]);
        Assert.Equal($"Hi ACME Ltda: Taken by João. ({created.Number}, {created.Number})", mail.Data[MailEvents.Body]);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_AgentNameThatLooksLikeAPlaceholder_IsMailedAsItStands()
    {
        await using var harness = await StartAsync(new()
        {
            ["SyncHub:CallFollowUp:Body"] = "{summary}",
            ["SyncHub:CallFollowUp:Summary"] = "Taken by {agent} for {name}.",
        });

        await harness.Pipeline.SubmitAsync(Call("call-9", diagnostics: new() { [CallDiagnostics.Agent] = "{name} {number}" }));

        Assert.Equal("Taken by {name} {number} for ACME Ltda.", await FollowUpBodyAsync(harness));
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_SummaryThatLooksLikeTheNumberPlaceholder_IsMailedAsTheAgentTypedIt()
    {
        await using var harness = await StartAsync();
        const string Typed = "Quote {number}, #\\u0001# and #{number}# back.";

        var created = await harness.Pipeline.SubmitAsync(Call(
            "call-7",
            diagnostics: new() { [CallDiagnostics.CustomerSummary] = $"{Typed} #\u0001#" }));

        var body = await FollowUpBodyAsync(harness);
        Assert.Contains($"{Typed} #\uFFFD#", body, StringComparison.Ordinal);
        Assert.Contains($"We opened ticket #{created.Number} for it.", body, StringComparison.Ordinal);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_ContactLookupFailsBeforeTheCreation_TheTicketIsStoredAndGetsTheFollowUpOnceAfterwards()
    {
        await using var harness = new PipelineHarness(services: s => s.AddSingleton<IContactLookup>(new FailingOnceLookup()));
        await harness.StartAsync();

        var created = await harness.Pipeline.SubmitAsync(Call("call-8"));
        await harness.Pipeline.SubmitAsync(Call("call-8"));

        Assert.Equal(IntakeOutcome.Created, created.Outcome);
        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.Single(ticket.History, h => h.Type == CallFollowUp.HistoryType);
        var mail = Assert.Single(await harness.Store.ReadOutboxAsync(null, 10), e => e.Event.Type == MailEvents.FollowUp).Event;
        Assert.Equal((created.Number, "ana@acme.example"), (mail.TicketNumber, mail.Data[MailEvents.To]));
        Assert.Contains($"We opened ticket #{created.Number} for it.", mail.Data[MailEvents.Body], StringComparison.Ordinal);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_WithASummaryMarkedForTheCaller_MailsOnlyThatSummary()
    {
        await using var harness = await StartAsync();
        const string summary = "We reset your tenant's search index; log in again and reply here if the error comes back.";

        await harness.Pipeline.SubmitAsync(Call(
            "call-3",
            body: $"{InternalNotes}\nCustomer summary: {summary}\n\nTODO check the index job logs",
            diagnostics: new() { [CallDiagnostics.CustomerSummary] = summary }));

        var body = await FollowUpBodyAsync(harness);
        Assert.Contains(summary, body, StringComparison.Ordinal);
        foreach (var word in new[] { "furious", "cancel", "corrupted", "Bruno", "TODO", "Customer summary:" })
        {
            Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
        }

        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_WithoutAMarkedSummary_MailsTheConfiguredFallbackAndNoneOfTheNotes()
    {
        await using var harness = await StartAsync(new()
        {
            ["SyncHub:CallFollowUp:Summary"] = "{agent} took your call on {date} ({duration}).",
            ["SyncHub:CallFollowUp:TimeZone"] = "America/Sao_Paulo",
        });

        var created = await harness.Pipeline.SubmitAsync(Call(
            "call-4",
            diagnostics: new() { [CallDiagnostics.Agent] = "João Gabriel", [CallDiagnostics.Duration] = "184" }));

        var body = await FollowUpBodyAsync(harness);
        Assert.Contains("João Gabriel took your call on 30 Nov 2026, 09:00 (3 min 4 s).", body, StringComparison.Ordinal);
        foreach (var word in InternalNotes.Split([' ', ',', '.', ';'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3))
        {
            Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(InternalNotes, (await harness.Store.GetAsync(created.TicketId!))!.Body);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_WithoutAMarkedSummary_DefaultFallbackSaysWhenTheCallWasTaken()
    {
        await using var harness = await StartAsync();

        await harness.Pipeline.SubmitAsync(Call("call-5", body: "Customer summary:   \nnothing for the caller here"));

        var body = await FollowUpBodyAsync(harness);
        Assert.Contains("Our support agent took your call on 30 Nov 2026, 12:00", body, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing for the caller", body, StringComparison.Ordinal);
        await harness.StopAsync();
    }

    [Fact]
    public void Options_UnknownTimeZone_FailNamingTheSetting()
    {
        var harness = new PipelineHarness(new() { ["SyncHub:CallFollowUp:TimeZone"] = "Mars/Olympus_Mons" });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => harness.Get<Microsoft.Extensions.Options.IOptions<CallFollowUpOptions>>().Value);

        Assert.Contains("SyncHub:CallFollowUp:TimeZone", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string> FollowUpBodyAsync(PipelineHarness harness)
    {
        var outbox = await harness.Store.ReadOutboxAsync(null, 10);
        return Assert.Single(outbox, e => e.Event.Type == MailEvents.FollowUp).Event.Data[MailEvents.Body];
    }

    [Fact]
    public async Task Call_Replayed_LooksTheCallerUpOncePerSubmission()
    {
        var lookup = new CountingLookup();
        await using var harness = new PipelineHarness(services: s => s.AddSingleton<IContactLookup>(lookup));
        await harness.StartAsync();

        await harness.Pipeline.SubmitAsync(Call("call-9"));
        var replayed = await harness.Pipeline.SubmitAsync(Call("call-9"));

        // The replay's after-creation check uses the address found before its store call.
        Assert.Equal(IntakeOutcome.Duplicate, replayed.Outcome);
        Assert.Equal(2, lookup.Calls);
        await harness.StopAsync();
    }

    [Fact]
    public async Task Call_FromAnUnknownNumber_RecordsThatNoFollowUpCouldBeSent()
    {
        await using var harness = await StartAsync();

        var created = await harness.Pipeline.SubmitAsync(Call("call-2", phone: "+1 212 555 0100"));

        var outbox = await harness.Store.ReadOutboxAsync(null, 10);
        Assert.DoesNotContain(outbox, e => e.Event.Type == MailEvents.FollowUp);
        var entry = Assert.Single((await harness.Store.GetAsync(created.TicketId!))!.History, h => h.Type == CallFollowUp.HistoryType);
        Assert.Contains("no address is known", entry.Message, StringComparison.Ordinal);
        await harness.StopAsync();
    }

    [Fact]
    public async Task WebTicket_GetsNoCallFollowUp()
    {
        await using var harness = await StartAsync();

        var created = await harness.Pipeline.SubmitAsync(Records.Web("w-1"));

        Assert.DoesNotContain((await harness.Store.GetAsync(created.TicketId!))!.History, h => h.Type == CallFollowUp.HistoryType);
        await harness.StopAsync();
    }

    /// <summary>A contact directory that counts its look-ups.</summary>
    private sealed class CountingLookup : IContactLookup
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<string?>("ana@acme.example");
        }
    }

    /// <summary>A contact directory that is down for the first lookup only.</summary>
    private sealed class FailingOnceLookup : IContactLookup
    {
        private int calls;

        public Task<string?> FindEmailAsync(Requester requester, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new HttpRequestException("The directory did not answer.")
                : Task.FromResult<string?>("ana@acme.example");
    }
}
