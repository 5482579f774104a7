using System.Collections.Concurrent;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// The test hub's notifier for e-mail and store-review replies: the hub refuses a reply no notifier delivers, so the
/// dashboard tests register this one and can tell what was sent (an internal note never is). The outbox marks each
/// reply sent with <see cref="ToolMessageId"/>, or failed with the reason given to <see cref="Refuse"/>.
/// </summary>
internal sealed class ReplyRecorder : INotifier
{
    public const string ToolMessageId = "<4711@mail.acme.example>";

    private static readonly string[] Types = [MailEvents.Reply, ReviewEvents.Reply];

    private readonly ConcurrentDictionary<string, string> refusals = new(StringComparer.Ordinal);

    public string Name => "ReplyRecorder";

    public ConcurrentQueue<OutboxEvent> Sent { get; } = new();

    /// <summary>Makes the tool refuse, for good and with <paramref name="reason"/>, the reply whose text is <paramref name="message"/>.</summary>
    public void Refuse(string message, string reason) => refusals[message] = reason;

    public bool Handles(OutboxEvent outboxEvent) => Types.Contains(outboxEvent.Type);

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => DeliverAsync(outboxEvent, cancellationToken);

    public Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        if (outboxEvent.Data.Values.Select(v => refusals.GetValueOrDefault(v)).FirstOrDefault(r => r is not null) is { } reason)
        {
            throw DeliveryException.Refused(System.Net.HttpStatusCode.BadRequest, reason);
        }

        Sent.Enqueue(outboxEvent);
        return Task.FromResult(new DeliveryReceipt(ToolMessageId));
    }
}
