using System.Collections.Concurrent;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Testing.Doubles;

/// <summary>
/// A notifier that records what it delivered (answering with a receipt id per event), can be told to fail the next N
/// sends, to fail chosen events (<see cref="FailWhen"/>), and to refuse its credentials until <see cref="Broken"/> is
/// cleared (its probe says whether they work).
/// </summary>
public sealed class RecordingNotifier(string name = "Recorder", params string[] onlyTypes) : INotifier
{
    private int failuresLeft;
    private int attempts;

    public string Name { get; } = name;

    public ConcurrentQueue<OutboxEvent> Sent { get; } = new();

    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>What the next failures throw; a plain transport error by default.</summary>
    public Func<Exception> Failure { get; set; } = () => new HttpRequestException("chat server down");

    /// <summary>An exception for the events that must fail (null: deliver).</summary>
    public Func<OutboxEvent, Exception?> FailWhen { get; set; } = _ => null;

    /// <summary>While true every send is refused as the credentials' failure (401), and the probe says false.</summary>
    public bool Broken { get; set; }

    public void FailNext(int count) => Interlocked.Exchange(ref failuresLeft, count);

    public bool Handles(OutboxEvent outboxEvent) => onlyTypes.Length == 0 || onlyTypes.Contains(outboxEvent.Type);

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => DeliverAsync(outboxEvent, cancellationToken);

    public Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        if (Broken)
        {
            throw DeliveryException.Refused(System.Net.HttpStatusCode.Unauthorized, "token revoked");
        }

        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw Failure();
        }

        if (FailWhen(outboxEvent) is { } failure)
        {
            throw failure;
        }

        Sent.Enqueue(outboxEvent);
        return Task.FromResult(new DeliveryReceipt($"tool-{outboxEvent.Id}"));
    }

    public Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(!Broken);
}
