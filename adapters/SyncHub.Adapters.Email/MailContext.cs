namespace SyncHub.Adapters.Email;

/// <summary>Where a message was read and what the fetch already had to note about it.</summary>
internal sealed record MailContext(string Folder, DateTimeOffset ReceivedAt, MailLimits Limits, IReadOnlyList<string>? Notes = null);
