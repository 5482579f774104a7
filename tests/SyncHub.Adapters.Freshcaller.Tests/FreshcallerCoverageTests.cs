using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>
/// Hotline coverage: during a configured shift the agents' availability is read from Freshcaller's users list; an
/// uncovered shift alerts the team chat once, and once more when it is covered again. The harness clock starts on
/// Monday 30 Nov 2026, 12:00 UTC, 09:00 in São Paulo, inside the Day shift (Mon-Fri 08:00-20:00 there).
/// </summary>
public sealed class FreshcallerCoverageTests : IDisposable
{
    private const string DayShiftStart = "2026-11-30T11:00Z";

    private readonly FreshcallerFake freshcaller = new();
    private readonly RecordingTeamAlerts alerts = new();
    private readonly List<AdapterHarness> harnesses = [];

    private static Dictionary<string, string?> DayShift(int index = 0, string name = "Day", string days = "Mon-Fri", string start = "08:00", string end = "20:00", int minimum = 1, string? team = null)
    {
        var prefix = $"Coverage:Shifts:{index}";
        var settings = new Dictionary<string, string?>
        {
            [$"{prefix}:Name"] = name,
            [$"{prefix}:Days:0"] = days,
            [$"{prefix}:Start"] = start,
            [$"{prefix}:End"] = end,
            [$"{prefix}:TimeZone"] = "America/Sao_Paulo",
            [$"{prefix}:MinimumAgents"] = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (team is not null)
        {
            settings[$"{prefix}:Team"] = team;
        }

        return settings;
    }

    private AdapterHarness CreateHarness(IDictionary<string, string?>? shifts = null, FakeTimeProvider? time = null)
    {
        var settings = AdapterHarness.Merge(shifts ?? DayShift(), [new("MaxRetryAttempts", "0")]);
        var harness = new AdapterHarness(
            new FreshcallerModule(),
            FreshcallerSettings.For(freshcaller, settings),
            time,
            services => services.AddSingleton<ITeamAlerts>(alerts));
        harnesses.Add(harness);
        return harness;
    }

    private static FreshcallerCoverage Coverage(AdapterHarness harness) =>
        harness.Provider.GetServices<IHostedService>().OfType<FreshcallerCoverage>().Single();

    [Fact]
    public async Task Check_ShiftWithNoAvailableAgent_AlertsOnceOverTwoChecks()
    {
        var harness = CreateHarness();
        var sut = Coverage(harness);
        freshcaller.Users(User(1, "Ana Lima", status: 0), User(2, "Bruno Costa", status: 1, deleted: true));

        await sut.CheckAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.CheckAsync(CancellationToken.None);

        Assert.Equal(2, freshcaller.UserRequests.Count);
        var alert = Assert.Single(alerts.Sent);
        Assert.Equal(FreshcallerCoverage.UncoveredKind, alert.Kind);
        Assert.Equal($"freshcaller:uncovered:Day:{DayShiftStart}", alert.Key);
        Assert.Contains("no agent", alert.Title, StringComparison.Ordinal);
        Assert.Contains("Day", alert.Title, StringComparison.Ordinal);
        Assert.Equal(FreshcallerFake.ApiKey, freshcaller.UserRequests[0].RequestMessage.Headers!["X-Api-Auth"].Single());
    }

    [Fact]
    public async Task Check_CoveredAgain_AlertsOnceCoveredAndANewEpisodeAlertsAgain()
    {
        var harness = CreateHarness();
        var sut = Coverage(harness);
        freshcaller.Users(User(1, "Ana Lima", status: 0));
        await sut.CheckAsync(CancellationToken.None);

        freshcaller.Users(User(1, "Ana Lima", status: 1));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.CheckAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.CheckAsync(CancellationToken.None);

        Assert.Equal([FreshcallerCoverage.UncoveredKind, FreshcallerCoverage.CoveredKind], alerts.Sent.Select(a => a.Kind));
        Assert.Equal($"freshcaller:covered:Day:{DayShiftStart}", alerts.Sent[1].Key);
        Assert.Contains("covered again", alerts.Sent[1].Title, StringComparison.Ordinal);

        freshcaller.Users(User(1, "Ana Lima", status: 0));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.CheckAsync(CancellationToken.None);

        Assert.Equal(3, alerts.Sent.Count);
        Assert.Equal($"freshcaller:uncovered:Day:{DayShiftStart}:2026-11-30T12:15Z", alerts.Sent[2].Key);
    }

    [Fact]
    public async Task Check_RestartWhileCovered_AlertsTheNextUncoveredStretch()
    {
        freshcaller.Users(User(1, "Ana Lima", status: 0));
        var first = CreateHarness();
        await Coverage(first).CheckAsync(CancellationToken.None);
        freshcaller.Users(User(1, "Ana Lima", status: 1));
        first.Time.Advance(TimeSpan.FromMinutes(5));
        await Coverage(first).CheckAsync(CancellationToken.None);

        var restarted = CreateHarness(time: new FakeTimeProvider(FreshcallerSettings.Now.AddMinutes(30)));
        await Coverage(restarted).CheckAsync(CancellationToken.None);
        freshcaller.Users(User(1, "Ana Lima", status: 0));
        restarted.Time.Advance(TimeSpan.FromMinutes(5));
        await Coverage(restarted).CheckAsync(CancellationToken.None);

        Assert.Equal(
            [$"freshcaller:uncovered:Day:{DayShiftStart}", $"freshcaller:covered:Day:{DayShiftStart}", $"freshcaller:uncovered:Day:{DayShiftStart}:2026-11-30T12:35Z"],
            alerts.Sent.Select(a => a.Key));
    }

    [Fact]
    public async Task Check_RestartOrSecondInstanceMidEpisode_SendsNothingAgain()
    {
        freshcaller.Users(User(1, "Ana Lima", status: 0));
        var first = Coverage(CreateHarness());
        await first.CheckAsync(CancellationToken.None);

        var restarted = CreateHarness(time: new FakeTimeProvider(FreshcallerSettings.Now.AddMinutes(35)));
        await Coverage(restarted).CheckAsync(CancellationToken.None);

        Assert.Single(alerts.Sent);
        freshcaller.Users(User(1, "Ana Lima", status: 1));
        restarted.Time.Advance(TimeSpan.FromMinutes(5));
        await Coverage(restarted).CheckAsync(CancellationToken.None);
        await first.CheckAsync(CancellationToken.None);

        Assert.Equal([FreshcallerCoverage.UncoveredKind, FreshcallerCoverage.CoveredKind], alerts.Sent.Select(a => a.Kind));
    }

    [Theory]
    [InlineData("2026-11-30T23:30:00Z")] // Monday 20:30 in São Paulo, after the shift
    [InlineData("2026-12-05T14:00:00Z")] // Saturday
    public async Task Check_OutsideShifts_DoesNotCallFreshcaller(string at)
    {
        var harness = CreateHarness(time: new FakeTimeProvider(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
        using var gauge = new MetricCollector<int>(harness.Get<IMeterFactory>(), FreshcallerSource.MeterName, FreshcallerCoverage.AvailableAgentsGauge);
        freshcaller.Users(User(1, "Ana Lima", status: 0));

        await Coverage(harness).CheckAsync(CancellationToken.None);

        Assert.Empty(freshcaller.UserRequests);
        Assert.Empty(alerts.Sent);
        gauge.RecordObservableInstruments();
        Assert.Empty(gauge.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Gauge_ShowsTheAvailableAgentsOfEachShiftThatIsOn()
    {
        var shifts = AdapterHarness.Merge(DayShift(), DayShift(1, name: "Day hotline team", minimum: 2, team: "Hotline"));
        var harness = CreateHarness(shifts);
        using var gauge = new MetricCollector<int>(harness.Get<IMeterFactory>(), FreshcallerSource.MeterName, FreshcallerCoverage.AvailableAgentsGauge);
        freshcaller.Users(
            User(1, "Ana Lima", status: 1, teams: "Hotline"),
            User(2, "Bruno Costa", status: 1, teams: "Billing"),
            User(3, "Carla Dias", status: 0, teams: "Hotline"));

        await Coverage(harness).CheckAsync(CancellationToken.None);

        gauge.RecordObservableInstruments();
        var values = gauge.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["shift"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, int> { ["Day"] = 2, ["Day hotline team"] = 1 }, values);
        var alert = Assert.Single(alerts.Sent);
        Assert.Equal($"freshcaller:uncovered:Day hotline team:{DayShiftStart}", alert.Key);
        Assert.Contains("only 1 of 2", alert.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AvailableStatusesConfigured_CountsAgentsOnACall()
    {
        var harness = CreateHarness(AdapterHarness.Merge(DayShift(), [new("Coverage:AvailableStatuses:0", "1"), new("Coverage:AvailableStatuses:1", "2")]));
        freshcaller.Users(User(1, "Ana Lima", status: 2));

        await Coverage(harness).CheckAsync(CancellationToken.None);

        Assert.Empty(alerts.Sent);
    }

    [Fact]
    public async Task Check_UsersOnSeveralPages_AreAllCounted()
    {
        var harness = CreateHarness(DayShift(minimum: 2));
        freshcaller.UsersPage(1, 2, User(1, "Ana Lima", status: 1));
        freshcaller.UsersPage(2, 2, User(2, "Bruno Costa", status: 1));

        await Coverage(harness).CheckAsync(CancellationToken.None);

        Assert.Equal(["1", "2"], freshcaller.UserRequests.Select(r => Query(r, "page")));
        Assert.Empty(alerts.Sent);
    }

    [Theory]
    [InlineData(401, "unauthenticated", null)]
    [InlineData(500, "internal_error", null)]
    [InlineData(503, "service_unavailable", null)]
    [InlineData(429, "too_many_requests", "120")]
    public async Task Check_ApiError_IsLoggedAndDoesNotAlert(int status, string errorType, string? retryAfter)
    {
        var harness = CreateHarness();
        var sut = Coverage(harness);
        freshcaller.UsersError(status, errorType, "refused", retryAfter);

        await sut.CheckAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.CheckAsync(CancellationToken.None);

        Assert.Empty(alerts.Sent);
        Assert.Contains(harness.Logs.GetSnapshot(), l => l.Level == LogLevel.Warning && l.Id.Id == 6014);
        Assert.Equal(retryAfter is null ? 2 : 1, freshcaller.UserRequests.Count);

        freshcaller.Users(User(1, "Ana Lima", status: 0));
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await sut.CheckAsync(CancellationToken.None);

        Assert.Equal(FreshcallerCoverage.UncoveredKind, Assert.Single(alerts.Sent).Kind);
    }

    [Fact]
    public async Task Check_AlertCannotBeRaised_IsTriedAgainAtTheNextCheck()
    {
        var harness = CreateHarness();
        var sut = Coverage(harness);
        freshcaller.Users(User(1, "Ana Lima", status: 0));
        alerts.Failure = new InvalidOperationException("store down");

        await sut.CheckAsync(CancellationToken.None);
        alerts.Failure = null;
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.CheckAsync(CancellationToken.None);

        Assert.Equal($"freshcaller:uncovered:Day:{DayShiftStart}", Assert.Single(alerts.Sent).Key);
    }

    [Fact]
    public async Task HostedService_ChecksAtEveryIntervalOnTheClock()
    {
        var harness = CreateHarness();
        var sut = Coverage(harness);
        freshcaller.Users(User(1, "Ana Lima", status: 0));

        await sut.StartAsync(CancellationToken.None);
        await WaitForAsync(() => freshcaller.UserRequests.Count == 1);
        await Task.Delay(200); // the loop goes on to wait for the next slot
        var early = new List<int>();
        for (var minute = 1; minute < 5; minute++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
            early.Add(freshcaller.UserRequests.Count);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => freshcaller.UserRequests.Count == 2);
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal([1, 1, 1, 1], early);
        Assert.Single(alerts.Sent);
    }

    [Fact]
    public void Register_WithoutShifts_RunsNoCoverageCheck()
    {
        var harness = new AdapterHarness(new FreshcallerModule(), FreshcallerSettings.For(freshcaller));
        harnesses.Add(harness);

        Assert.Empty(harness.Provider.GetServices<IHostedService>().OfType<FreshcallerCoverage>());
    }

    [Fact]
    public void Register_WithShifts_RunsOneCoverageCheckOfTheConfiguredShifts()
    {
        var harness = CreateHarness(AdapterHarness.Merge(DayShift(), DayShift(1, name: "Night", days: "Sun-Thu", start: "20:00", end: "08:00")));

        var shifts = Coverage(harness).Shifts;

        Assert.Equal(["Day", "Night"], shifts.Select(s => s.Name));
        Assert.Equal(5, shifts[1].Days.Count);
        Assert.DoesNotContain(DayOfWeek.Friday, shifts[1].Days);
    }

    [Theory]
    [InlineData("2026-12-01T04:00:00Z", true)] // Tuesday 01:00 local: Monday night's shift
    [InlineData("2026-11-30T22:59:00Z", false)] // Monday 19:59 local: before it
    [InlineData("2026-12-05T04:00:00Z", false)] // Saturday 01:00 local: Friday starts no night shift
    [InlineData("2026-11-29T23:00:00Z", true)] // Sunday 20:00 local: its start
    [InlineData("2026-11-30T11:00:00Z", false)] // Monday 08:00 local: its end
    public void Occurrence_ShiftCrossingMidnight_IsOnUntilTheNextMorning(string at, bool on)
    {
        var harness = CreateHarness(DayShift(name: "Night", days: "Sun-Thu", start: "20:00", end: "08:00"));

        var occurrence = Coverage(harness).Shifts[0].OccurrenceAt(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(on, occurrence is not null);
    }

    [Theory]
    [InlineData("TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Days:0", "Funday")]
    [InlineData("Days:0", "Mon-Someday")]
    [InlineData("Start", "8 o'clock")]
    [InlineData("End", "25:00")]
    [InlineData("MinimumAgents", "0")]
    [InlineData("Name", "")]
    [InlineData("Name", "Day/Night")]
    public void Validate_WrongShiftSetting_FailsNamingTheSetting(string key, string value)
    {
        var failures = Failures(AdapterHarness.Merge(DayShift(), [new($"Coverage:Shifts:0:{key}", value)]));

        Assert.Contains(failures, f => f.StartsWith($"Coverage:Shifts:0:{key}: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoShiftsOfOneName_FailNamingTheSecond()
    {
        var failures = Failures(AdapterHarness.Merge(DayShift(), DayShift(1, name: "day")));

        Assert.Contains(failures, f => f.StartsWith("Coverage:Shifts:1:Name: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NightShiftAndTwentyFourHourShift_AreValid() =>
        Assert.Empty(Failures(AdapterHarness.Merge(DayShift(end: "08:00"), DayShift(1, name: "Always", days: "Sat", start: "00:00", end: "00:00"))));

    [Fact]
    public void Validate_CheckIntervalTooShort_FailsNamingTheSetting() =>
        Assert.Contains(Failures(AdapterHarness.Merge(DayShift(), [new("Coverage:CheckInterval", "00:00:01")])), f => f.StartsWith("Coverage:CheckInterval: ", StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var harness in harnesses)
        {
            harness.Dispose();
        }

        freshcaller.Dispose();
    }

    private List<string> Failures(IDictionary<string, string?> shifts)
    {
        try
        {
            AdapterHarness.BindOptions<FreshcallerOptions>("Freshcaller", FreshcallerSettings.For(freshcaller, shifts));
            return [];
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException error)
        {
            return [.. error.Failures.Select(f => f.Replace($"{FreshcallerSettings.Section}:", "", StringComparison.Ordinal))];
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "the coverage check did not run");
    }
}
