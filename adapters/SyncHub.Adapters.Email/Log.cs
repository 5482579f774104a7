using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.Email;

/// <summary>The adapter's log messages (EventIds 5000+). Never a password, never a message body.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Email connected to {Host}:{Port} ({Security}) as {User}")]
    public static partial void Connected(ILogger logger, string host, int port, MailSecurity security, string user);

    [LoggerMessage(5002, LogLevel.Warning, "Email connection to {Host}:{Port} dropped after an error; reconnecting")]
    public static partial void ConnectionDropped(ILogger logger, Exception exception, string host, int port);

    [LoggerMessage(5003, LogLevel.Warning, "Email cursor could not be read ({Reason}); reading the configured folders from the start")]
    public static partial void CursorUnreadable(ILogger logger, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Email folder {Folder}: UIDVALIDITY changed from {OldValidity} to {NewValidity}; re-reading the folder")]
    public static partial void UidValidityChanged(ILogger logger, string folder, uint oldValidity, uint newValidity);

    [LoggerMessage(5005, LogLevel.Information, "Email message {MessageId} in {Folder} (UID {Uid}) ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string messageId, string folder, uint uid, string reason);

    [LoggerMessage(5006, LogLevel.Warning, "Email message {MessageId} in {Folder} (UID {Uid}) read within limits: {Notes}")]
    public static partial void ReadWithNotes(ILogger logger, string messageId, string folder, uint uid, string notes);

    [LoggerMessage(5007, LogLevel.Warning, "Email message in {Folder} (UID {Uid}) is unreadable and becomes a placeholder record: {Reason}")]
    public static partial void Unreadable(ILogger logger, string folder, uint uid, string reason);

    [LoggerMessage(5008, LogLevel.Information, "Email message in {Folder} (UID {Uid}) disappeared before it was read")]
    public static partial void Vanished(ILogger logger, string folder, uint uid);

    [LoggerMessage(5009, LogLevel.Debug, "Email read {Count} messages from {Folder} up to UID {LastUid} ({Records} records); more waiting: {HasMore}")]
    public static partial void PageRead(ILogger logger, int count, string folder, uint lastUid, int records, bool hasMore);

    [LoggerMessage(5010, LogLevel.Debug, "Email folder {Folder}: {Count} committed messages {Action}")]
    public static partial void Tidied(ILogger logger, string folder, int count, string action);

    [LoggerMessage(5011, LogLevel.Information, "Email folder {Folder}: first poll with SkipExisting, starting after UID {LastUid}")]
    public static partial void SkippedExisting(ILogger logger, string folder, uint lastUid);

    [LoggerMessage(5101, LogLevel.Information, "Smtp sent {EventType} for ticket #{TicketNumber} as <{MessageId}> (event {EventId})")]
    public static partial void Sent(ILogger logger, string eventType, long ticketNumber, string messageId, string eventId);
}
