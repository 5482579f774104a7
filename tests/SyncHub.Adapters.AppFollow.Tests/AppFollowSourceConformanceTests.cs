using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.AppFollow.Tests.AppFollowFake;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowSourceConformanceTests : PollingSourceConformance<AppFollowSource>
{
    private readonly AppFollowFake appFollow;

    public AppFollowSourceConformanceTests() => appFollow = Track(new AppFollowFake());

    /// <summary>Calls far longer than the fake clock moves while a test waits for a cold WireMock.</summary>
    private static readonly Dictionary<string, string?> LongCalls = new() { ["Timeout"] = "00:10:00" };

    protected override IEnumerable<string> Secrets => [Token];

    protected override AppFollowSource CreateSource() => Harness(new AppFollowModule(), AppFollowSettings.For(appFollow, LongCalls), services => AppFollowSettings.AddTeamAlerts(services)).Get<AppFollowSource>();

    protected override Task<IReadOnlyCollection<string>> ArrangeBacklogAsync()
    {
        appFollow.Reset();
        appFollow.Page(Android, 1, 2, 2, Review("gp:AOqpTOF1", time: "10:00:00"), Review("gp:AOqpTOF2", time: "08:00:00"));
        appFollow.Page(Android, 2, null, 2, Review("gp:AOqpTOF3", date: "2026-11-29"));
        appFollow.Page(Ios, 1, null, 1, Review(884964243, store: "as", title: "Login broken"));
        return Task.FromResult<IReadOnlyCollection<string>>(
            ["gp:chat.rocket.android:gp:AOqpTOF1", "gp:chat.rocket.android:gp:AOqpTOF2", "gp:chat.rocket.android:gp:AOqpTOF3", "as:1148741252:884964243"]);
    }

    protected override Task ArrangeUnavailableAsync()
    {
        appFollow.Reset();
        appFollow.Error(503, "Service unavailable");
        return Task.CompletedTask;
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        appFollow.Reset();
        appFollow.Error(401, "Invalid or expired API token");
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedOnceAsync(TimeSpan wait)
    {
        appFollow.Reset();
        appFollow.FailOnceThen(429, Seconds(wait), Android, Review("gp:AOqpTOF1"));
        appFollow.Page(Ios, 1, null, 0);
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedAsync(TimeSpan wait)
    {
        appFollow.Reset();
        appFollow.Error(429, "Too many requests", Seconds(wait));
        return Task.CompletedTask;
    }

    private static string Seconds(TimeSpan wait) => ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
