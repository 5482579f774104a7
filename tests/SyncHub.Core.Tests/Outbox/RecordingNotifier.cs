using System.Collections.Concurrent;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Core.Tests.Outbox;

/// <summary>A notifier that records what it delivered and can be told to fail the next N sends.</summary>
internal sealed class RecordingNotifier(string name = "Recorder", string? onlyType = null) : INotifier
{
    private int failuresLeft;

    public string Name { get; } = name;

    public ConcurrentQueue<OutboxEvent> Sent { get; } = new();

    public int Attempts;

    /// <summary>What the next failures throw; a plain transport error by default.</summary>
    public Func<Exception> Failure { get; set; } = () => new HttpRequestException("chat server down");

    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    public bool Handles(OutboxEvent outboxEvent) => onlyType is null || outboxEvent.Type == onlyType;

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Attempts);
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw Failure();
        }

        Sent.Enqueue(outboxEvent);
        return Task.CompletedTask;
    }
}
