using static SyncHub.Core.Tests.Policies.TestConfig;

namespace SyncHub.Core.Tests.Sla;

/// <summary><c>SyncHub:Sla</c> is validated at start; each failure names the full configuration key.</summary>
public sealed class SlaOptionsValidationTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.Equal("", StartupFailure());
    }

    [Fact]
    public void Validate_ValidCustomConfiguration_Succeeds()
    {
        var failure = StartupFailure(
            ("SyncHub:Sla:Calendars:berlin:TimeZone", "Europe/Berlin"),
            ("SyncHub:Sla:Calendars:berlin:Hours:Mon", "09:00-12:00, 13:00-17:00"),
            ("SyncHub:Sla:Policies:platinum-high:Plan", "Platinum"),
            ("SyncHub:Sla:Policies:platinum-high:Priority", "High"),
            ("SyncHub:Sla:Policies:platinum-high:FirstResponse", "02:00:00"),
            ("SyncHub:Sla:Policies:platinum-high:Resolution", "3 business days"),
            ("SyncHub:Sla:Policies:platinum-high:Clock", "berlin"));

        Assert.Equal("", failure);
    }

    [Theory]
    [InlineData("SyncHub:Sla:Policies:gold-high:Clock", "weekdays", "SyncHub:Sla:Policies:gold-high:Clock: 'weekdays' is neither 24x7 nor a calendar in SyncHub:Sla:Calendars (24x7, support)")]
    [InlineData("SyncHub:Sla:Policies:pro-low:FirstResponse", "4 days", "SyncHub:Sla:Policies:pro-low:FirstResponse: '4 days' is not a target")]
    [InlineData("SyncHub:Sla:Policies:pro-low:FirstResponse", "24", "SyncHub:Sla:Policies:pro-low:FirstResponse: '24' is not a target")]
    [InlineData("SyncHub:Sla:Policies:gold-high:Resolution", "tomorrow", "SyncHub:Sla:Policies:gold-high:Resolution: 'tomorrow' is not a target")]
    [InlineData("SyncHub:Sla:Policies:community:Resolution", "8 hours", "SyncHub:Sla:Policies:community:Resolution: a best-effort row has no resolution target")]
    [InlineData("SyncHub:Sla:Calendars:support:TimeZone", "Mars/Olympus_Mons", "SyncHub:Sla:Calendars:support:TimeZone: 'Mars/Olympus_Mons' is not a time zone")]
    [InlineData("SyncHub:Sla:Calendars:support:Hours:Monday", "8-20", "SyncHub:Sla:Calendars:support:Hours:Monday: '8-20' is not a span")]
    [InlineData("SyncHub:Sla:Calendars:support:Hours:Funday", "08:00-20:00", "SyncHub:Sla:Calendars:support:Hours:Funday: is not a weekday")]
    [InlineData("SyncHub:Sla:Calendars:support:Holidays:2026-02-30", "Nowhere Day", "SyncHub:Sla:Calendars:support:Holidays:2026-02-30: is not a date")]
    [InlineData("SyncHub:Sla:Calendars:support:BusinessDay", "1.12:00:00", "SyncHub:Sla:Calendars:support:BusinessDay: '1.12:00:00' is not a working time above zero and at most 24 hours")]
    [InlineData("SyncHub:Sla:Policies:gold-high:Priority", "Urgent", "SyncHub:Sla:Policies:gold-high:Priority: 'Urgent' is not a priority")]
    [InlineData("SyncHub:Sla:Policies:gold-high:Enabled", "maybe", "SyncHub:Sla:Policies:gold-high:Enabled: 'maybe' is not true or false")]
    [InlineData("SyncHub:Sla:Calendars:24x7:TimeZone", "UTC", "SyncHub:Sla:Calendars:24x7: the name 24x7 is reserved")]
    [InlineData("SyncHub:Sla:AtRiskShare", "1.5", "SyncHub:Sla:AtRiskShare: 1.5 is not a share of the target")]
    [InlineData("SyncHub:Sla:AtRiskShare", "0", "SyncHub:Sla:AtRiskShare: 0 is not a share of the target")]
    [InlineData("SyncHub:Sla:ActiveStatuses:0", " ", "SyncHub:Sla:ActiveStatuses:0: is empty")]
    [InlineData("SyncHub:Sla:Policies:gold-high:Statuses:0", "-", "SyncHub:Sla:Policies:gold-high:Statuses:0: is empty")]
    public void Validate_BadSetting_FailsNamingTheFullKey(string key, string value, string expected)
    {
        var failure = StartupFailure((key, value));

        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewRowWithoutPlanOrClock_NamesBothKeys()
    {
        var failure = StartupFailure(("SyncHub:Sla:Policies:vip:FirstResponse", "1 hour"));

        Assert.Contains("SyncHub:Sla:Policies:vip:Plan: is required", failure, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Sla:Policies:vip:Clock: is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewRowWithoutFirstResponse_NamesTheKey()
    {
        var failure = StartupFailure(("SyncHub:Sla:Policies:vip:Plan", "VIP"), ("SyncHub:Sla:Policies:vip:Clock", "24x7"));

        Assert.Contains("SyncHub:Sla:Policies:vip:FirstResponse: is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RowOverlappingADefaultRow_NamesTheRow()
    {
        var failure = StartupFailure(
            ("SyncHub:Sla:Policies:gold-high-2:Plan", "gold"),
            ("SyncHub:Sla:Policies:gold-high-2:Priority", "High"),
            ("SyncHub:Sla:Policies:gold-high-2:FirstResponse", "15 minutes"),
            ("SyncHub:Sla:Policies:gold-high-2:Clock", "24x7"));

        Assert.Contains("SyncHub:Sla:Policies:gold-high-2: overlaps row gold-high", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewCalendarWithoutHours_NamesTheKey()
    {
        var failure = StartupFailure(("SyncHub:Sla:Calendars:night:TimeZone", "Europe/Berlin"));

        Assert.Contains("SyncHub:Sla:Calendars:night:Hours: has no working hours on any weekday", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AtRiskShareThatDoesNotConvert_NamesTheKey()
    {
        var failure = StartupFailure(("SyncHub:Sla:AtRiskShare", "most"));

        Assert.Contains("SyncHub:Sla:AtRiskShare", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidCalendar_ReportedOnceNotForEveryRowUsingIt()
    {
        var failure = StartupFailure(("SyncHub:Sla:Calendars:support:TimeZone", "Nowhere/Town"));

        Assert.Equal("SyncHub:Sla:Calendars:support:TimeZone: 'Nowhere/Town' is not a time zone known to this system: use an IANA id such as America/Sao_Paulo", failure);
    }

    [Fact]
    public void Validate_SeveralErrors_ReportsEach()
    {
        var failure = StartupFailure(
            ("SyncHub:Sla:Policies:gold-high:Clock", "nope"),
            ("SyncHub:Sla:Policies:pro-low:FirstResponse", "soon"));

        Assert.Contains("SyncHub:Sla:Policies:gold-high:Clock:", failure, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Sla:Policies:pro-low:FirstResponse:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DisabledRowWithBadSetting_IsIgnored()
    {
        var failure = StartupFailure(("SyncHub:Sla:Policies:gold-high:Enabled", "false"), ("SyncHub:Sla:Policies:gold-high:Clock", "nope"));

        Assert.Equal("", failure);
    }
}
