using System.Collections.Concurrent;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// The test hub's notifier for e-mail and store-review replies: the hub refuses a reply no notifier delivers, so the
/// dashboard tests register this one and can tell what was sent (an internal note never is).
/// </summary>
internal sealed class ReplyRecorder : INotifier
{
    private static readonly string[] Types = [MailEvents.Reply, ReviewEvents.Reply];

    public string Name => "ReplyRecorder";

    public ConcurrentQueue<OutboxEvent> Sent { get; } = new();

    public bool Handles(OutboxEvent outboxEvent) => Types.Contains(outboxEvent.Type);

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        Sent.Enqueue(outboxEvent);
        return Task.CompletedTask;
    }
}
