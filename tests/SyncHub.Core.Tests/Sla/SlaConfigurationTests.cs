using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Sla;
using static SyncHub.Core.Tests.Policies.TestConfig;
using static SyncHub.Core.Tests.Policies.TestTickets;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Sla;

/// <summary>
/// How <c>SyncHub:Sla</c> from appsettings.json or environment variables (<c>SyncHub__Sla__...</c>, which arrive
/// as the same colon-separated keys) merges with the defaults.
/// </summary>
public sealed class SlaConfigurationTests
{
    private static SlaTable Table(params (string Key, string? Value)[] values)
    {
        using var provider = Services(values);
        return provider.GetRequiredService<SlaTable>();
    }

    private static SlaStamp? Stamp(SlaTable table, string plan, string status, Priority priority, string now) =>
        new TableSlaPolicy(table).Stamp(Context(Account(plan, status), At(now)), priority).Value;

    [Fact]
    public void Table_NoConfiguration_IsThePublishedTable()
    {
        var table = Table();

        Assert.Equal(
            ["bronze-high", "bronze-low", "bronze-medium", "community", "enterprise-high", "enterprise-low", "enterprise-medium",
             "gold-high", "gold-low", "gold-medium", "mission-critical-high", "mission-critical-low", "mission-critical-medium",
             "pro-high", "pro-low", "pro-medium", "silver-high", "silver-low", "silver-medium",
             "standard-high", "standard-low", "standard-medium", "support-plus-high", "support-plus-low", "support-plus-medium"],
            table.Rows.Select(r => r.Id));
        Assert.All(table.Rows.Where(r => r.Priority == Priority.High), r => Assert.Equal(r.Id == "standard-high" ? "support" : "24x7", r.Clock?.Name));
        Assert.All(table.Rows.Where(r => r.Priority is Priority.Low or Priority.Medium), r => Assert.Equal("support", r.Clock?.Name));
        Assert.All(table.Rows, r => Assert.True(r.Resolution.IsBestEffort));
        Assert.Equal(["Active", "Customer"], table.ActiveStatuses);
        Assert.Equal(0.8m, table.AtRiskShare);
    }

    [Fact]
    public void Table_OneFieldOfADefaultRow_OverridesOnlyThatField()
    {
        var table = Table(("SyncHub:Sla:Policies:gold-high:FirstResponse", "15 minutes"));

        var stamp = Stamp(table, "Gold", "Active", Priority.High, "2026-03-07T06:00:00Z");

        Assert.Equal(TimeSpan.FromMinutes(15), stamp?.FirstResponseTarget);
        Assert.Equal("24x7", stamp?.Clock);
        Assert.Equal(At("2026-03-07T06:15:00Z"), stamp?.FirstResponseDueAt);
    }

    [Fact]
    public void Table_DefaultRowDisabled_PlanHasNoRowForThatPriority()
    {
        var table = Table(("SyncHub:Sla:Policies:pro-low:Enabled", "false"));

        var decision = new TableSlaPolicy(table).Stamp(Context(Account("Pro", "Active")), Priority.Low);

        Assert.Null(decision.Value);
        Assert.Equal("best effort: account Acme Ltd (CRM crm-42): plan Pro has no row for priority Low", decision.Reason);
    }

    [Fact]
    public void Table_RowSwitchedToBestEffort_HasNoDueTime()
    {
        var table = Table(("SyncHub:Sla:Policies:bronze-low:FirstResponse", "best effort"));

        Assert.Null(Stamp(table, "Bronze", "Active", Priority.Low, "2026-03-09T13:00:00Z"));
    }

    [Fact]
    public void Table_HolidayAdded_KeepsTheDefaultHolidays()
    {
        var table = Table(("SyncHub:Sla:Calendars:support:Holidays:2026-02-16", "Carnival Monday"));
        var support = (BusinessCalendar)table.Calendars.Get("support");

        Assert.Equal(At("2026-02-17T12:00:00Z"), support.AddWorkingTime(At("2026-02-13T19:00:00-03:00"), TimeSpan.FromHours(2)));
        Assert.Contains(new DateOnly(2026, 4, 21), support.Holidays);
        Assert.Equal(21, support.Holidays.Count);
    }

    [Fact]
    public void Table_DefaultHolidayWithEmptyName_IsAWorkingDay()
    {
        var table = Table(("SyncHub:Sla:Calendars:support:Holidays:2026-11-20", ""));
        var support = (BusinessCalendar)table.Calendars.Get("support");

        Assert.True(support.IsWorkingDay(new DateOnly(2026, 11, 20)));
        Assert.False(support.IsWorkingDay(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Table_SaturdayHoursAdded_KeepsTheWeekdayHours()
    {
        var table = Table(("SyncHub:Sla:Calendars:support:Hours:Saturday", "09:00-13:00"));
        var support = (BusinessCalendar)table.Calendars.Get("support");

        Assert.Equal("09:00-13:00", Assert.Single(support.HoursOn(DayOfWeek.Saturday)).ToString());
        Assert.Equal("08:00-20:00", Assert.Single(support.HoursOn(DayOfWeek.Monday)).ToString());
        Assert.Equal(At("2026-03-07T13:00:00Z"), support.AddWorkingTime(At("2026-03-06T19:00:00-03:00"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Table_WeekdayClosed_HasNoHoursThatDay()
    {
        var table = Table(("SyncHub:Sla:Calendars:support:Hours:Friday", "closed"));

        Assert.Empty(((BusinessCalendar)table.Calendars.Get("support")).HoursOn(DayOfWeek.Friday));
    }

    [Fact]
    public void Table_ActiveStatusesConfigured_ReplaceTheDefaultList()
    {
        var table = Table(("SyncHub:Sla:ActiveStatuses:0", "Paying"), ("SyncHub:Sla:ActiveStatuses:1", "Grace Period"));

        Assert.Equal(["Paying", "Grace Period"], table.ActiveStatuses);
        Assert.NotNull(Stamp(table, "Gold", "paying", Priority.High, "2026-03-07T06:00:00Z"));
        Assert.Null(Stamp(table, "Gold", "Active", Priority.High, "2026-03-07T06:00:00Z"));
    }

    [Fact]
    public void Table_NewCalendarAndRow_StampOnThatCalendar()
    {
        var table = Table(
            ("SyncHub:Sla:Calendars:berlin:TimeZone", "Europe/Berlin"),
            ("SyncHub:Sla:Calendars:berlin:Hours:Monday", "09:00-17:00"),
            ("SyncHub:Sla:Calendars:berlin:Hours:Tuesday", "09:00-17:00"),
            ("SyncHub:Sla:Calendars:berlin:Holidays:2026-03-30", "Company day"),
            ("SyncHub:Sla:Policies:eu-medium:Plan", "Enterprise EU"),
            ("SyncHub:Sla:Policies:eu-medium:Priority", "Medium"),
            ("SyncHub:Sla:Policies:eu-medium:FirstResponse", "1 business day"),
            ("SyncHub:Sla:Policies:eu-medium:Clock", "berlin"));

        // Monday 2026-03-23 16:00 CET: 1 h that day, 7 h on Tuesday 24th.
        var stamp = Stamp(table, "Enterprise EU", "Active", Priority.Medium, "2026-03-23T16:00:00+01:00");

        Assert.Equal("eu-medium", stamp?.Policy);
        Assert.Equal("berlin", stamp?.Clock);
        Assert.Equal(TimeSpan.FromHours(8), stamp?.FirstResponseTarget);
        Assert.Equal(At("2026-03-24T16:00:00+01:00"), stamp?.FirstResponseDueAt);
    }

    [Fact]
    public void Table_AtRiskShareConfigured_MovesTheAtRiskInstant()
    {
        var table = Table(("SyncHub:Sla:AtRiskShare", "0.5"));

        Assert.Equal(At("2026-03-07T06:15:00Z"), Stamp(table, "Gold", "Active", Priority.High, "2026-03-07T06:00:00Z")?.FirstResponseAtRiskAt);
    }

    [Fact]
    public void Options_BoundFromConfiguration_HoldOnlyWhatIsConfigured()
    {
        using var provider = Services(("SyncHub:Sla:Policies:gold-high:Statuses:0", "VIP"));

        var options = provider.GetRequiredService<IOptions<SlaOptions>>().Value;

        Assert.Equal(["VIP"], Assert.Single(options.Policies).Value.Statuses);
        Assert.Empty(options.Calendars);
    }
}
