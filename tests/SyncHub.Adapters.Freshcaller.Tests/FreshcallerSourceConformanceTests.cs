using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

public sealed class FreshcallerSourceConformanceTests : PollingSourceConformance<FreshcallerSource>
{
    private readonly FreshcallerFake freshcaller;

    public FreshcallerSourceConformanceTests() => freshcaller = Track(new FreshcallerFake());

    /// <summary>Calls far longer than the fake clock moves while a test waits for a cold WireMock.</summary>
    private static readonly Dictionary<string, string?> LongCalls = new() { ["Timeout"] = "00:10:00" };

    protected override IEnumerable<string> Secrets => [FreshcallerFake.ApiKey, FreshcallerSettings.WebhookSecret];

    protected override FreshcallerSource CreateSource() =>
        Harness(new FreshcallerModule(), FreshcallerSettings.For(freshcaller, LongCalls)).Get<FreshcallerSource>();

    protected override Task<IReadOnlyCollection<string>> ArrangeBacklogAsync()
    {
        freshcaller.Reset();
        freshcaller.Page(1, 3, 5, Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        freshcaller.Page(2, 3, 5, Call(103, "2026-11-30T09:00:00Z"), Call(104, "2026-11-30T09:30:00Z"));
        freshcaller.Page(3, 3, 5, Call(105, "2026-11-30T11:00:00Z"));
        return Task.FromResult<IReadOnlyCollection<string>>(["101", "102", "103", "104", "105"]);
    }

    protected override Task ArrangeUnavailableAsync()
    {
        freshcaller.Reset();
        freshcaller.Error(503, "service_unavailable", "try later");
        return Task.CompletedTask;
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        freshcaller.Reset();
        freshcaller.Error(401, "unauthenticated", "Invalid API key");
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedOnceAsync(TimeSpan wait)
    {
        freshcaller.Reset();
        freshcaller.FailOnceThen(429, Seconds(wait), Call(101, "2026-11-30T08:05:00Z"), Call(102, "2026-11-30T08:10:00Z"));
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedAsync(TimeSpan wait)
    {
        freshcaller.Reset();
        freshcaller.Error(429, "too_many_requests", "Rate limit exceeded", Seconds(wait));
        return Task.CompletedTask;
    }

    private static string Seconds(TimeSpan wait) => ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
