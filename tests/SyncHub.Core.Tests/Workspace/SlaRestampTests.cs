using SyncHub.Domain;
using SyncHub.Sla;
using SyncHub.Workflow;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Workspace;

/// <summary>
/// A corrected priority, department or account re-stamps the SLA from the creation instant on the new row's clock,
/// with the time the ticket spent Pending added back; targets already met stay met. The default table and the default
/// support calendar (America/Sao_Paulo, Mon-Fri 08:00-20:00, Brazil's holidays: Tiradentes is Tuesday 2026-04-21).
/// </summary>
public sealed class SlaRestampTests
{
    private static readonly SlaTable Table = SlaTable.Create(new SlaOptions());

    // Friday 2026-04-17, 15:00 in Sao Paulo.
    private static readonly DateTimeOffset Created = At("2026-04-17T15:00:00-03:00");

    private static SlaRestamp CreateSut() => new(new TableSlaPolicy(Table), Table.Calendars);

    private static Ticket Ticket(string plan, Priority priority, params HistoryEntry[] history)
    {
        var account = new AccountSnapshot("crm-42", "Acme Ltd", plan, "Active");
        var record = new IntakeRecord { Source = "WebForm", ExternalId = "x", Channel = Channel.Web, ReceivedAt = Created };
        var stamp = new TableSlaPolicy(Table).Stamp(new SyncHub.Policies.TicketContext(record, account, Created), priority).Value;
        return new Ticket
        {
            Id = "t1",
            Number = 10001,
            Channel = Channel.Web,
            Source = "WebForm",
            ExternalId = "x",
            Account = account,
            Priority = priority,
            Sla = stamp,
            CreatedAt = Created,
            UpdatedAt = Created,
            History = history,
        };
    }

    private static HistoryEntry Status(string at, TicketStatus from, TicketStatus to) =>
        new(At(at), HistoryTypes.StatusChanged, $"Status {from} → {to}", new Dictionary<string, string> { ["from"] = from.ToString(), ["to"] = to.ToString() });

    [Fact]
    public void Restamp_MediumToLow_CountsFourBusinessDaysOverTheWeekendAndTheHoliday()
    {
        var ticket = Ticket("Pro", Priority.Medium);

        var result = CreateSut().Restamp(ticket, ticket.Account, Priority.Low, At("2026-04-20T14:00:00-03:00"));

        // 4 business days = 48 working hours: Fri 5 h, (weekend), Mon 12 h, (Tiradentes), Wed 12 h, Thu 12 h, Fri 08:00 + 7 h.
        var stamp = Assert.IsType<SlaStamp>(result.Stamp);
        Assert.Equal("pro-low", stamp.Policy);
        Assert.Equal("support", stamp.Clock);
        Assert.Equal(At("2026-04-24T15:00:00-03:00"), stamp.FirstResponseDueAt);
        // At risk after 80 %: 38.4 h: Fri 5, Mon 12, Wed 12 (29), Thu 08:00 + 9 h 24 min.
        Assert.Equal(At("2026-04-23T17:24:00-03:00"), stamp.FirstResponseAtRiskAt);
        Assert.Contains("SLA pro-low", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("first response due 2026-04-24 18:00 UTC", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Restamp_MediumToHigh_RunsOnTheAlwaysOnClockFromTheCreation()
    {
        var ticket = Ticket("Gold", Priority.Medium);

        var stamp = CreateSut().Restamp(ticket, ticket.Account, Priority.High, At("2026-04-17T15:10:00-03:00")).Stamp!;

        Assert.Equal("gold-high", stamp.Policy);
        Assert.Equal("24x7", stamp.Clock);
        Assert.Equal(At("2026-04-17T18:30:00Z"), stamp.FirstResponseDueAt);
        Assert.False(stamp.FirstResponseBreached);
    }

    [Fact]
    public void Restamp_AfterAPendingStretch_AddsTheWorkingTimeSpentPending()
    {
        // Pending on Monday 10:00-12:00 (2 working hours) and over the weekend (none).
        var ticket = Ticket(
            "Pro",
            Priority.Medium,
            Status("2026-04-17T19:00:00-03:00", TicketStatus.Open, TicketStatus.Pending),
            Status("2026-04-20T09:00:00-03:00", TicketStatus.Pending, TicketStatus.Open),
            Status("2026-04-20T10:00:00-03:00", TicketStatus.Open, TicketStatus.Pending),
            Status("2026-04-20T12:00:00-03:00", TicketStatus.Pending, TicketStatus.Open));

        var result = CreateSut().Restamp(ticket, ticket.Account, Priority.Low, At("2026-04-20T14:00:00-03:00"));

        // Pending Fri 19:00-20:00 (1 h), Mon 08:00-09:00 (1 h), Mon 10:00-12:00 (2 h): the due moves 4 working hours later.
        Assert.Equal(At("2026-04-24T19:00:00-03:00"), result.Stamp!.FirstResponseDueAt);
        Assert.False(result.Stamp.Paused);
        Assert.Contains("4 h 0 min of working time Pending added", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Restamp_WhilePending_StaysPausedAndResumingAddsThePause()
    {
        var ticket = Ticket("Pro", Priority.Medium, Status("2026-04-20T10:00:00-03:00", TicketStatus.Open, TicketStatus.Pending));
        ticket = ticket with { Status = TicketStatus.Pending, Sla = SlaClock.Pause(ticket.Sla!, At("2026-04-20T10:00:00-03:00")) };

        var stamp = CreateSut().Restamp(ticket, ticket.Account, Priority.Low, At("2026-04-20T14:00:00-03:00")).Stamp!;

        Assert.True(stamp.Paused);
        Assert.Equal(At("2026-04-20T10:00:00-03:00"), stamp.PausedAt);
        Assert.Equal(At("2026-04-24T15:00:00-03:00"), stamp.FirstResponseDueAt);
        // Open again Wednesday 08:00 (Tuesday is Tiradentes): Monday 10:00-20:00 (10 h) spent Pending moves it 10 h.
        var resumed = SlaClock.Resume(stamp, At("2026-04-22T08:00:00-03:00"), Table.Calendars);
        Assert.Equal(At("2026-04-27T13:00:00-03:00"), resumed.FirstResponseDueAt);
    }

    [Fact]
    public void Restamp_FirstResponseAlreadyGiven_StaysMet()
    {
        var ticket = Ticket("Gold", Priority.Low);
        var responded = At("2026-04-17T16:00:00-03:00");
        ticket = ticket with { Sla = SlaClock.RecordFirstResponse(ticket.Sla!, responded) };

        var result = CreateSut().Restamp(ticket, ticket.Account, Priority.High, At("2026-04-20T14:00:00-03:00"));

        // gold-high would have been due at 15:30 on Friday; the response came at 16:00 but was given under gold-low: met.
        Assert.Equal("gold-high", result.Stamp!.Policy);
        Assert.Equal(responded, result.Stamp.FirstRespondedAt);
        Assert.False(result.Stamp.FirstResponseBreached);
        Assert.Equal(ticket.Sla!.FirstResponseDueAt, result.Stamp.FirstResponseDueAt);
        Assert.Contains("first response already given at 2026-04-17 19:00 UTC (stays met)", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Restamp_AccountNotActive_IsBestEffortWithTheReason()
    {
        var ticket = Ticket("Pro", Priority.Medium);

        var result = CreateSut().Restamp(ticket, new AccountSnapshot("crm-42", "Acme Ltd", "Pro", "Inactive"), Priority.Medium, At("2026-04-20T14:00:00-03:00"));

        Assert.Null(result.Stamp);
        Assert.StartsWith("No SLA: best effort: account Acme Ltd (CRM crm-42): status Inactive", result.Explanation, StringComparison.Ordinal);
    }
}
