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
    private static IntakeRecord Call(string id, string phone = "+55 (11) 98765-4321") => new()
    {
        Source = "Freshcaller",
        ExternalId = id,
        Channel = Channel.Phone,
        Requester = new Requester(Phone: phone),
        Subject = "Hotline call from +55 11 98765-4321",
        Body = "Cannot log in after the upgrade to 6.4.",
        ReceivedAt = Records.At,
    };

    private static async Task<PipelineHarness> StartAsync()
    {
        var harness = new PipelineHarness(services: s => s.AddInMemoryAccountDirectory());
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
        Assert.Contains("Cannot log in after the upgrade", mail.Data[MailEvents.Body], StringComparison.Ordinal);
        var ticket = (await harness.Store.GetAsync(created.TicketId!))!;
        Assert.Single(ticket.History, h => h.Type == CallFollowUp.HistoryType);
        Assert.Equal("ACME Ltda", ticket.Account?.Name);
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
}
