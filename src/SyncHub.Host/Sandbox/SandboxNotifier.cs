using System.Collections.Concurrent;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Host.Sandbox;

/// <summary>
/// The sandbox's outbound side: in the zero-setup run it plays every tool an agent's answer goes to (mail, X, Messenger,
/// the app stores, the team chat) for the events no configured notifier delivers, so replies from the dashboard show as
/// sent with an id, as they would with the real tools. It keeps the last deliveries in memory and logs each one.
/// </summary>
internal sealed class SandboxNotifier(IServiceProvider services, ILogger<SandboxNotifier> logger) : INotifier
{
    private static readonly string[] Plays =
    [
        MailEvents.Reply, MailEvents.FollowUp, ReviewEvents.Reply, ChatEvents.Message,
        Adapters.Twitter.TwitterReplyEvents.Reply, Adapters.Twitter.TwitterReplyEvents.DirectMessage,
        Adapters.Facebook.FacebookReplyEvents.Message, Adapters.Facebook.FacebookReplyEvents.Comment,
    ];

    private readonly ConcurrentDictionary<string, string> delivered = new(StringComparer.Ordinal);
    private INotifier[]? others;

    public const string NotifierName = "Sandbox";

    public string Name => NotifierName;

    /// <summary>The deliveries made, by event id, with the made-up tool id each got.</summary>
    public IReadOnlyDictionary<string, string> Delivered => delivered;

    public bool Handles(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        others ??= [.. services.GetServices<INotifier>().Where(n => n is not SandboxNotifier)];
        return Plays.Contains(outboxEvent.Type) && (outboxEvent.Target is null or NotifierName) && !others.Any(n => n.Handles(outboxEvent));
    }

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => DeliverAsync(outboxEvent, cancellationToken);

    public Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        var id = delivered.GetOrAdd(outboxEvent.Id, _ => $"sandbox-{outboxEvent.Type}-{delivered.Count + 1}");
        Log.SandboxDelivered(logger, outboxEvent.Type, outboxEvent.TicketNumber, id);
        return Task.FromResult(new DeliveryReceipt(id));
    }
}
