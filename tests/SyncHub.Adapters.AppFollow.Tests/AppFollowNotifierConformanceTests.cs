using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.AppFollow.Tests.AppFollowFake;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowNotifierConformanceTests : NotifierConformance<AppFollowReplyNotifier>
{
    private const string ReviewKey = "gp:chat.rocket.android:gp:AOqpTOF1";

    private readonly AppFollowFake appFollow;
    private string token = Token;

    public AppFollowNotifierConformanceTests() => appFollow = Track(new AppFollowFake());

    protected override IEnumerable<string> Secrets => [Token, "af-v2-token-refused-9d0e"];

    protected override AppFollowReplyNotifier CreateNotifier() =>
        (AppFollowReplyNotifier)Harness(new AppFollowModule(), AppFollowSettings.For(appFollow, new Dictionary<string, string?> { ["ApiToken"] = token }))
            .Notifier(AppFollowReplyNotifier.NotifierName);

    /// <summary>The kit answers one review with several events: each later one replaces the earlier answer, as the agent chose.</summary>
    protected override OutboxEvent Event(string id)
    {
        var reply = AppFollowSettings.Reply(ReviewKey, $"Thanks, Ana! Version 4.2.1 fixes the crash ({id}).", id);
        return reply with { Data = new Dictionary<string, string>(reply.Data) { [ReplyRoute.ReplaceKey] = "true" } };
    }

    protected override Task ArrangeDeliverableAsync()
    {
        appFollow.Reset();
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"));
        return Task.CompletedTask;
    }

    protected override Task<int> DeliveriesOfAsync(OutboxEvent outboxEvent) =>
        Task.FromResult(appFollow.AcceptedReplies.Count(r => (string?)Body(r)["answer_text"] == outboxEvent.Data[ReviewEvents.Text]));

    protected override Task<OutboxEvent> ArrangePermanentFailureAsync()
    {
        appFollow.Reset();
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"));
        return Task.FromResult(AppFollowSettings.Reply(ReviewKey, new string('a', AppFollowReplyNotifier.GooglePlayMaxReply + 1), "evt-too-long-1"));
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        appFollow.Reset();
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"));
        token = "af-v2-token-refused-9d0e";
        return Task.CompletedTask;
    }

    protected override Task ArrangeTransientFailureAsync()
    {
        appFollow.Reset();
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"), failures: 5, failureStatus: 503);
        return Task.CompletedTask;
    }
}
