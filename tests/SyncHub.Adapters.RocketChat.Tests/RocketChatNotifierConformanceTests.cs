using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

public sealed class RocketChatNotifierConformanceTests : NotifierConformance<RocketChatNotifier>
{
    private RocketChatFake rocketChat;

    public RocketChatNotifierConformanceTests() => rocketChat = Track(new RocketChatFake());

    protected override IEnumerable<string> Secrets => [RocketChatFake.AuthToken];

    protected override RocketChatNotifier CreateNotifier() =>
        (RocketChatNotifier)Harness(new RocketChatModule(), RocketChatSettings.For(rocketChat)).Notifier(RocketChatNotifier.NotifierName);

    protected override OutboxEvent Event(string id)
    {
        var escalation = RocketChatSettings.Escalation(id);
        return escalation with { Data = new Dictionary<string, string>(escalation.Data) { [ChatEvents.Text] = $"Login fails for every user (alert {id})." } };
    }

    protected override Task ArrangeDeliverableAsync()
    {
        rocketChat = Track(new RocketChatFake());
        rocketChat.StoreMessages();
        return Task.CompletedTask;
    }

    protected override Task<int> DeliveriesOfAsync(OutboxEvent outboxEvent) =>
        Task.FromResult(rocketChat.Stored.Count(m => m.Text.Contains($"(alert {outboxEvent.Id})", StringComparison.Ordinal)));

    protected override Task<OutboxEvent> ArrangePermanentFailureAsync()
    {
        rocketChat = Track(new RocketChatFake());
        rocketChat.StoreMessages();
        return Task.FromResult(RocketChatSettings.Escalation("evt-nowhere-1", channel: "#nowhere"));
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        rocketChat = Track(new RocketChatFake());
        rocketChat.RejectCredentials();
        return Task.CompletedTask;
    }

    protected override Task ArrangeTransientFailureAsync()
    {
        rocketChat = Track(new RocketChatFake());
        rocketChat.AnswerMessages(503, new JsonObject { ["success"] = false, ["error"] = "Service Unavailable" });
        return Task.CompletedTask;
    }
}
