using SyncHub.Domain;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookReplyNotifierConformanceTests : NotifierConformance<FacebookReplyNotifier>
{
    private const string RefusedToken = "EAAGm0PX4ZCpsBArefusedtoken9d0e";

    private FacebookGraphFake graph;
    private string token = FacebookGraphFake.Token;

    public FacebookReplyNotifierConformanceTests() => graph = Track(new FacebookGraphFake());

    protected override IEnumerable<string> Secrets => [FacebookGraphFake.Token, RefusedToken, FacebookPayloads.AppSecret, FacebookPayloads.VerifyToken];

    protected override FacebookReplyNotifier CreateNotifier() =>
        (FacebookReplyNotifier)Harness(new FacebookModule(), FacebookSettings.Replying(graph, new Dictionary<string, string?> { ["PageAccessToken"] = token }))
            .Notifier(FacebookReplyNotifier.NotifierName);

    protected override OutboxEvent Event(string id) =>
        FacebookSettings.Answer($"Hi! Version 4.2.1 fixes the crash ({id}).", Start.AddHours(-1), id);

    protected override Task ArrangeDeliverableAsync()
    {
        graph = Track(new FacebookGraphFake());
        graph.Accept();
        return Task.CompletedTask;
    }

    protected override Task<int> DeliveriesOfAsync(OutboxEvent outboxEvent) =>
        Task.FromResult(graph.Messages.Count(m => m.Text == outboxEvent.Data[ReplyRoute.TextKey]));

    protected override Task<OutboxEvent> ArrangePermanentFailureAsync()
    {
        graph = Track(new FacebookGraphFake());
        graph.Accept();
        graph.Fail(FacebookGraphFake.MessagesPath, 400, 551, 1545041, "This person isn't available right now.");
        return Task.FromResult(Event("evt-unavailable-1"));
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        graph = Track(new FacebookGraphFake());
        graph.Accept();
        token = RefusedToken;
        return Task.CompletedTask;
    }

    protected override Task ArrangeTransientFailureAsync()
    {
        graph = Track(new FacebookGraphFake());
        graph.Accept();
        graph.Fail(FacebookGraphFake.MessagesPath, 400, 613, null, "Calls to this api have exceeded the rate limit.", retryAfter: "60");
        return Task.CompletedTask;
    }
}
