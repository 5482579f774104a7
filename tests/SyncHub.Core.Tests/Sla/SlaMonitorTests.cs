using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.InMemory;
using SyncHub.Sla;
using SyncHub.Storage;

namespace SyncHub.Core.Tests.Sla;

public sealed class SlaMonitorTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Created);
    private readonly InMemoryTicketStore store = new();

    private SlaMonitor CreateSut() => new(
        store,
        Options.Create(new SlaMonitorOptions { Channel = "support-leads", Mention = "lead" }),
        new SlaMetrics(new SyncHubMetrics(new TestMeterFactory())),
        clock,
        NullLogger<SlaMonitor>.Instance);

    [Fact]
    public async Task RunOnce_FirstResponseDuePassed_MarksTheBreachOnceWithHistoryAndOneChatAlert()
    {
        var id = await CreateTicketAsync(firstResponseDue: Created.AddMinutes(30), atRisk: Created.AddMinutes(24));
        clock.Advance(TimeSpan.FromMinutes(31));

        var changed = await CreateSutAndRunAsync();
        var again = await CreateSutAndRunAsync();

        Assert.Equal(2, changed);
        Assert.Equal(0, again);
        var ticket = (await store.GetAsync(id))!;
        Assert.True(ticket.Sla!.FirstResponseBreached);
        Assert.True(ticket.Sla.FirstResponseWarned);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.SlaBreached);
        var alerts = (await store.ReadOutboxAsync(null, 10)).Select(e => e.Event).Where(e => e.Type == ChatEvents.Message).ToList();
        Assert.Equal(["sla-at-risk", "sla-breach"], alerts.Select(a => a.Data[ChatEvents.Kind]).Order().ToArray());
        Assert.All(alerts, a => Assert.Equal("support-leads", a.Data[ChatEvents.Channel]));
        Assert.Empty(await store.DueAsync(clock.GetUtcNow(), 10));
        var breached = await store.ListAsync(new TicketQuery { Breached = true });
        Assert.Equal(id, Assert.Single(breached.Items).Id);
    }

    [Fact]
    public async Task RunOnce_AtRiskOnly_WarnsButDoesNotBreach()
    {
        var id = await CreateTicketAsync(firstResponseDue: Created.AddHours(2), atRisk: Created.AddMinutes(96));
        clock.Advance(TimeSpan.FromMinutes(100));

        await CreateSutAndRunAsync();

        var ticket = (await store.GetAsync(id))!;
        Assert.False(ticket.Sla!.FirstResponseBreached);
        Assert.Single(ticket.History, h => h.Type == HistoryTypes.SlaAtRisk);
        Assert.Empty((await store.ListAsync(new TicketQuery { Breached = true })).Items);
    }

    [Fact]
    public async Task RunOnce_BeforeTheDueInstant_ChangesNothing()
    {
        var id = await CreateTicketAsync(firstResponseDue: Created.AddHours(2), atRisk: Created.AddMinutes(96));
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, await CreateSutAndRunAsync());
        Assert.Equal(1, (await store.GetAsync(id))!.Version);
    }

    [Fact]
    public async Task RunOnce_PausedTicket_IsNotBreachedWhileWaitingOnTheCustomer()
    {
        var id = await CreateTicketAsync(firstResponseDue: Created.AddMinutes(30), atRisk: null);
        await store.UpdateAsync(id, t => new TicketChange(t with { Status = TicketStatus.Pending, Sla = SlaClock.Pause(t.Sla!, Created.AddMinutes(5)) }, [], []));
        clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await CreateSutAndRunAsync());
        Assert.False((await store.GetAsync(id))!.Sla!.FirstResponseBreached);
    }

    [Fact]
    public async Task RunOnce_TwoInstancesAtOnce_RecordEachBreachOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await CreateTicketAsync(firstResponseDue: Created.AddMinutes(30 + i), atRisk: null));
        }

        clock.Advance(TimeSpan.FromHours(1));
        var counts = await Task.WhenAll(CreateSut().RunOnceAsync(CancellationToken.None), CreateSut().RunOnceAsync(CancellationToken.None));

        Assert.Equal(20, counts.Sum());
        foreach (var id in ids)
        {
            Assert.Single((await store.GetAsync(id))!.History, h => h.Type == HistoryTypes.SlaBreached);
        }
    }

    private Task<int> CreateSutAndRunAsync() => CreateSut().RunOnceAsync(CancellationToken.None);

    private async Task<string> CreateTicketAsync(DateTimeOffset firstResponseDue, DateTimeOffset? atRisk)
    {
        var ticket = new Ticket
        {
            Id = Guid.NewGuid().ToString("N"),
            Channel = Channel.Web,
            Source = "WebForm",
            ExternalId = Guid.NewGuid().ToString("N"),
            Priority = Priority.High,
            Department = Department.PaidSupport,
            CreatedAt = Created,
            UpdatedAt = Created,
            Version = 1,
            Sla = new SlaStamp { Policy = "gold-high", Clock = "24x7", FirstResponseDueAt = firstResponseDue, FirstResponseAtRiskAt = atRisk },
        };
        var created = new HistoryEntry(Created, HistoryTypes.Created, "Created from Web");
        var result = await store.CreateAsync(new TicketCreation(ticket, [created], [], created));
        return result.TicketId;
    }
}
