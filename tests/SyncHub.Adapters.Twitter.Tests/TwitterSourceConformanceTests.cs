using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Twitter.Tests.TwitterFake;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterSourceConformanceTests : PollingSourceConformance<TwitterSource>
{
    private readonly TwitterFake x;

    public TwitterSourceConformanceTests() => x = Track(new TwitterFake());

    protected override IEnumerable<string> Secrets => [BearerToken];

    protected override TwitterSource CreateSource() => Harness(new TwitterModule(), TwitterSettings.For(x)).Get<TwitterSource>();

    protected override Task<IReadOnlyCollection<string>> ArrangeBacklogAsync()
    {
        x.Reset();
        x.Page(null, null, "t-page2", [Tweet("1110", "@RocketChat five"), Tweet("1109", "@RocketChat four")]);
        x.Page(null, "t-page2", "t-page3", [Tweet("1108", "@RocketChat three"), Tweet("1107", "@RocketChat two")]);
        x.Page(null, "t-page3", null, [Tweet("1106", "@RocketChat one")]);
        return Task.FromResult<IReadOnlyCollection<string>>(["1106", "1107", "1108", "1109", "1110"]);
    }

    protected override Task ArrangeUnavailableAsync()
    {
        x.Reset();
        x.Problem(503, "Service Unavailable", "Service Unavailable");
        return Task.CompletedTask;
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        x.Reset();
        x.Problem(401, "Unauthorized", "Unauthorized");
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedOnceAsync(TimeSpan wait)
    {
        x.Reset();
        x.RateLimitedOnceThen(Time.GetUtcNow() + wait, null, null, null, Tweet("1110", "@RocketChat rate limited but not lost"));
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedAsync(TimeSpan wait)
    {
        x.Reset();
        x.RateLimited(Time.GetUtcNow() + wait);
        return Task.CompletedTask;
    }
}
