using SyncHub.Domain;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterReplyNotifierConformanceTests : NotifierConformance<TwitterReplyNotifier>
{
    private readonly XUserFake x;

    public TwitterReplyNotifierConformanceTests() => x = Track(new XUserFake());

    protected override IEnumerable<string> Secrets =>
        [TwitterFake.BearerToken, XUserFake.UserAccessToken, XUserFake.UserRefreshToken, XUserFake.ClientSecret, XUserFake.RefreshedAccessToken, XUserFake.RotatedRefreshToken];

    protected override TwitterReplyNotifier CreateNotifier() =>
        (TwitterReplyNotifier)Harness(new TwitterModule(), TwitterSettings.OAuth2(x)).Notifier(TwitterReplyNotifier.NotifierName);

    protected override OutboxEvent Event(string id) => TwitterReplyNotifierTests.Reply(id, "1866123456789012345", $"Thanks, Ana: the fix ships today ({id}).");

    protected override Task ArrangeDeliverableAsync()
    {
        x.AcceptWrites();
        return Task.CompletedTask;
    }

    protected override Task<int> DeliveriesOfAsync(OutboxEvent outboxEvent) =>
        Task.FromResult(x.Posts.Count(p => p.Text == outboxEvent.Data[ReplyRoute.TextKey]));

    protected override Task<OutboxEvent> ArrangePermanentFailureAsync()
    {
        x.FailWrites(400, "Invalid Request", "One or more parameters to your request was invalid.");
        return Task.FromResult(Event("evt-refused-1"));
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        x.ExpireAccessToken(refreshAccepted: false);
        return Task.CompletedTask;
    }

    protected override Task ArrangeTransientFailureAsync()
    {
        x.FailWrites(503, "Service Unavailable", "Service Unavailable");
        return Task.CompletedTask;
    }
}
