namespace SyncHub.Adapters.Email;

/// <summary>
/// Where a message was read, what the fetch already had to note about it, and the conversations the source already
/// knows (Message-ID to thread key, see <see cref="EmailCursor.ThreadOf"/>); null knows none.
/// </summary>
internal sealed record MailContext(
    string Folder,
    DateTimeOffset ReceivedAt,
    MailLimits Limits,
    IReadOnlyList<string>? Notes = null,
    Func<string, string?>? KnownThread = null);
