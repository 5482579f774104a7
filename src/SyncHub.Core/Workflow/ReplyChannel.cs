using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>
/// A way agents answer the tickets of a channel: the outbox event type and the setting that enables the notifier
/// delivering it. Declared by adapters (<c>ISyncHubBuilder.AddReplyChannel</c>) and by the core for e-mail.
/// </summary>
public sealed record ReplyChannel(Channel Channel, string EventType, string Setting);
