using SyncHub.Domain;
using SyncHub.Sla;
using static SyncHub.Core.Tests.Policies.TestTickets;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Sla;

/// <summary>The default SLA table (DESIGN.md) applied at creation.</summary>
public sealed class TableSlaPolicyTests
{
    private static TableSlaPolicy CreateSut(SlaOptions? options = null) => new(SlaTable.Create(options ?? new SlaOptions()));

    [Theory]
    // High runs 24x7 from the creation instant, even at 03:00 on a Saturday.
    [InlineData("Gold", Priority.High, "2026-03-07T03:00:00-03:00", "gold-high", "24x7", "00:30:00", "2026-03-07T06:30:00Z")]
    [InlineData("Enterprise", Priority.High, "2026-03-07T03:00:00-03:00", "enterprise-high", "24x7", "00:30:00", "2026-03-07T06:30:00Z")]
    [InlineData("Silver", Priority.High, "2026-03-06T19:00:00-03:00", "silver-high", "24x7", "01:00:00", "2026-03-06T23:00:00Z")]
    [InlineData("Pro", Priority.High, "2026-03-06T19:00:00-03:00", "pro-high", "24x7", "02:00:00", "2026-03-07T00:00:00Z")]
    [InlineData("Bronze", Priority.High, "2026-03-06T19:00:00-03:00", "bronze-high", "24x7", "02:00:00", "2026-03-07T00:00:00Z")]
    // Friday-evening Medium tickets run on the 12x5 support calendar into the next week.
    [InlineData("Bronze", Priority.Medium, "2026-03-06T19:00:00-03:00", "bronze-medium", "support", "1.00:00:00", "2026-03-10T22:00:00Z")]
    [InlineData("Silver", Priority.Medium, "2026-03-06T19:00:00-03:00", "silver-medium", "support", "12:00:00", "2026-03-09T22:00:00Z")]
    [InlineData("Gold", Priority.Medium, "2026-03-06T19:00:00-03:00", "gold-medium", "support", "06:00:00", "2026-03-09T16:00:00Z")]
    // Low: business days of 12 working hours each.
    [InlineData("Pro", Priority.Low, "2026-03-09T10:00:00-03:00", "pro-low", "support", "2.00:00:00", "2026-03-13T13:00:00Z")]
    [InlineData("Silver", Priority.Low, "2026-03-09T10:00:00-03:00", "silver-low", "support", "1.00:00:00", "2026-03-11T13:00:00Z")]
    [InlineData("Gold", Priority.Low, "2026-03-07T10:00:00-03:00", "gold-low", "support", "12:00:00", "2026-03-09T23:00:00Z")]
    // The plans sold today: Support Plus and Mission Critical High run 24x7; Standard stays on the 12x5 calendar; their
    // Medium and Low take Standard's business day (plans match ignoring case and spaces).
    [InlineData("Support Plus", Priority.High, "2026-03-07T03:00:00-03:00", "support-plus-high", "24x7", "02:00:00", "2026-03-07T08:00:00Z")]
    [InlineData("Mission Critical", Priority.High, "2026-03-07T03:00:00-03:00", "mission-critical-high", "24x7", "00:30:00", "2026-03-07T06:30:00Z")]
    [InlineData("Standard", Priority.High, "2026-03-06T19:00:00-03:00", "standard-high", "support", "12:00:00", "2026-03-09T22:00:00Z")]
    [InlineData("support plus", Priority.Medium, "2026-03-06T19:00:00-03:00", "support-plus-medium", "support", "12:00:00", "2026-03-09T22:00:00Z")]
    [InlineData("MissionCritical", Priority.Low, "2026-03-06T19:00:00-03:00", "mission-critical-low", "support", "12:00:00", "2026-03-09T22:00:00Z")]
    // A holiday in the middle: Tiradentes, Tuesday 2026-04-21.
    [InlineData("Enterprise", Priority.Low, "2026-04-20T15:00:00-03:00", "enterprise-low", "support", "12:00:00", "2026-04-22T18:00:00Z")]
    public void Stamp_ActiveCustomer_StampsTheRowsTargetOnItsClock(
        string plan, Priority priority, string now, string policy, string clock, string target, string due)
    {
        var sut = CreateSut();

        var decision = sut.Stamp(Context(Account(plan, "Active"), At(now)), priority);

        var stamp = Assert.IsType<SlaStamp>(decision.Value);
        Assert.Equal(policy, stamp.Policy);
        Assert.Equal(clock, stamp.Clock);
        Assert.Equal(TimeSpan.Parse(target, System.Globalization.CultureInfo.InvariantCulture), stamp.FirstResponseTarget);
        Assert.Equal(At(due), stamp.FirstResponseDueAt);
        Assert.Null(stamp.ResolutionTarget);
        Assert.Null(stamp.ResolutionDueAt);
        Assert.False(stamp.Paused);
        Assert.Equal(stamp.Reason, decision.Reason);
    }

    [Fact]
    public void Stamp_GoldHigh_AtRiskAfterEightyPercentOfTheTarget()
    {
        var stamp = CreateSut().Stamp(Context(Account("Gold", "Active"), At("2026-03-07T06:00:00Z")), Priority.High).Value!;

        Assert.Equal(At("2026-03-07T06:24:00Z"), stamp.FirstResponseAtRiskAt);
    }

    [Fact]
    public void Stamp_FridayEveningMedium_AtRiskInstantRunsOnTheCalendar()
    {
        // 80 % of 6 working hours is 4 h 48 min: 1 h on Friday, 3 h 48 min on Monday.
        var stamp = CreateSut().Stamp(Context(Account("Gold", "Active"), At("2026-03-06T19:00:00-03:00")), Priority.Medium).Value!;

        Assert.Equal(At("2026-03-09T11:48:00-03:00"), stamp.FirstResponseAtRiskAt);
    }

    [Fact]
    public void Stamp_ActiveCustomer_ReasonNamesAccountPlanStatusRowAndCalendar()
    {
        var decision = CreateSut().Stamp(Context(Account("Pro", "Active")), Priority.Low);

        Assert.Equal(
            "account Acme Ltd (CRM crm-42), plan Pro, status Active (an active customer): row pro-low (Pro, Low) gives first response within 4 business days " +
            "on the support calendar (America/Sao_Paulo, Mon-Fri 08:00-20:00, 20 holidays)",
            decision.Reason);
    }

    [Theory]
    [InlineData("gold")]
    [InlineData("GOLD")]
    [InlineData(" Gold ")]
    public void Stamp_PlanInAnotherCase_MatchesTheRow(string plan)
    {
        var stamp = CreateSut().Stamp(Context(Account(plan, "active")), Priority.High).Value;

        Assert.Equal("gold-high", stamp?.Policy);
    }

    [Fact]
    public void Stamp_StatusCustomer_CountsAsActive()
    {
        Assert.NotNull(CreateSut().Stamp(Context(Account("Silver", "Customer")), Priority.High).Value);
    }

    [Theory]
    [InlineData(Priority.Low)]
    [InlineData(Priority.Medium)]
    [InlineData(Priority.High)]
    public void Stamp_Community_IsBestEffort(Priority priority)
    {
        var decision = CreateSut().Stamp(Context(Account("Community", "Active")), priority);

        Assert.Null(decision.Value);
        Assert.Equal("best effort: account Acme Ltd (CRM crm-42): plan Community is best effort (row community)", decision.Reason);
    }

    [Theory]
    [InlineData("Trial")]
    [InlineData("Potential")]
    [InlineData("Potential VIP")]
    [InlineData("Inactive")]
    [InlineData("Churned")]
    public void Stamp_StatusNotActiveCustomer_IsBestEffort(string status)
    {
        var decision = CreateSut().Stamp(Context(Account("Gold", status)), Priority.High);

        Assert.Null(decision.Value);
        Assert.Equal($"best effort: account Acme Ltd (CRM crm-42): status {status} is not an active customer (active: Active, Customer)", decision.Reason);
    }

    [Fact]
    public void Stamp_NoStatus_IsBestEffort()
    {
        var decision = CreateSut().Stamp(Context(Account("Gold", null)), Priority.High);

        Assert.Null(decision.Value);
        Assert.Contains("status (none) is not an active customer", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_UnknownRequester_IsBestEffort()
    {
        var decision = CreateSut().Stamp(Context(account: null), Priority.High);

        Assert.Null(decision.Value);
        Assert.Equal("best effort: unknown requester: not found in the CRM directory", decision.Reason);
    }

    [Fact]
    public void Stamp_AccountWithoutPlan_IsBestEffort()
    {
        var decision = CreateSut().Stamp(Context(Account(null, "Active")), Priority.High);

        Assert.Null(decision.Value);
        Assert.Equal("best effort: account Acme Ltd (CRM crm-42) has no plan in the CRM", decision.Reason);
    }

    [Fact]
    public void Stamp_PlanNotInTable_IsBestEffort()
    {
        var decision = CreateSut().Stamp(Context(Account("Platinum", "Active")), Priority.High);

        Assert.Null(decision.Value);
        Assert.Equal("best effort: account Acme Ltd (CRM crm-42): plan Platinum has no row in the SLA table", decision.Reason);
    }

    [Fact]
    public void Stamp_RowWithResolutionTarget_StampsBothDueInstants()
    {
        var options = new SlaOptions();
        options.Policies["gold-high"] = new SlaPolicyOptions { Resolution = "8 hours" };

        var stamp = CreateSut(options).Stamp(Context(Account("Gold", "Active"), At("2026-03-07T06:00:00Z")), Priority.High).Value!;

        Assert.Equal(TimeSpan.FromHours(8), stamp.ResolutionTarget);
        Assert.Equal(At("2026-03-07T14:00:00Z"), stamp.ResolutionDueAt);
        Assert.Equal(At("2026-03-07T12:24:00Z"), stamp.ResolutionAtRiskAt);
        Assert.Equal(At("2026-03-07T06:30:00Z"), stamp.FirstResponseDueAt);
    }

    [Fact]
    public void Stamp_RowWithOwnStatuses_ServesOnlyThose()
    {
        var options = new SlaOptions();
        options.Policies["gold-grace"] = new SlaPolicyOptions { Plan = "Gold", Priority = "High", Statuses = ["Grace Period"], FirstResponse = "4 hours", Clock = "24x7" };
        var sut = CreateSut(options);

        var grace = sut.Stamp(Context(Account("Gold", "grace-period")), Priority.High).Value;
        var active = sut.Stamp(Context(Account("Gold", "Active")), Priority.High).Value;

        Assert.Equal("gold-grace", grace?.Policy);
        Assert.Equal(TimeSpan.FromHours(4), grace?.FirstResponseTarget);
        Assert.Equal("gold-high", active?.Policy);
    }

    [Fact]
    public void Stamp_AnyPriorityRow_ServesPrioritiesWithoutAnOwnRow()
    {
        var options = new SlaOptions();
        options.Policies["platinum"] = new SlaPolicyOptions { Plan = "Platinum", FirstResponse = "15 minutes", Clock = "24x7" };
        options.Policies["platinum-low"] = new SlaPolicyOptions { Plan = "Platinum", Priority = "Low", FirstResponse = "4 hours", Clock = "support" };
        var sut = CreateSut(options);

        Assert.Equal("platinum", sut.Stamp(Context(Account("Platinum", "Active")), Priority.High).Value?.Policy);
        Assert.Equal("platinum-low", sut.Stamp(Context(Account("Platinum", "Active")), Priority.Low).Value?.Policy);
    }
}
