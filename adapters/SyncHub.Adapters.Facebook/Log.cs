using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.Facebook;

/// <summary>The adapter's log messages (EventIds 7100-7199). Never the app secret, the verify token, the page access token or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(7101, LogLevel.Information, "Facebook webhook subscription verified")]
    public static partial void HandshakeAccepted(ILogger logger);

    [LoggerMessage(7102, LogLevel.Warning, "Facebook webhook handshake refused (hub.mode {Mode}, or a wrong verify token)")]
    public static partial void HandshakeRefused(ILogger logger, string mode);

    [LoggerMessage(7103, LogLevel.Warning, "Facebook webhook refused: {Problem} X-Hub-Signature-256")]
    public static partial void SignatureRefused(ILogger logger, string problem);

    [LoggerMessage(7104, LogLevel.Debug, "Facebook notification: {Entries} entries, {Records} records")]
    public static partial void NotificationRead(ILogger logger, int entries, int records);

    [LoggerMessage(7105, LogLevel.Debug, "Facebook event ignored: {Kind}")]
    public static partial void EventIgnored(ILogger logger, string kind);

    [LoggerMessage(7106, LogLevel.Warning, "Facebook {Kind} event cannot become a ticket: {Reason}")]
    public static partial void EventUnusable(ILogger logger, string kind, string reason);

    [LoggerMessage(7107, LogLevel.Information, "Facebook entry of page {PageId} ignored: not in SyncHub:Adapters:Facebook:PageIds")]
    public static partial void PageIgnored(ILogger logger, string pageId);

    [LoggerMessage(7108, LogLevel.Information, "Facebook profile of sender {SenderId} not read, the record keeps the id: {Reason}")]
    public static partial void ProfileUnavailable(ILogger logger, string senderId, string reason);

    [LoggerMessage(7109, LogLevel.Debug, "Facebook profile of sender {SenderId} still not read, the record keeps the id: {Reason}")]
    public static partial void ProfileStillUnavailable(ILogger logger, string senderId, string reason);

    [LoggerMessage(7111, LogLevel.Information, "Messenger answer for outbox event {EventId} (ticket #{TicketNumber}) sent as {MessagingType}: message {MessageId}")]
    public static partial void MessageSent(ILogger logger, string eventId, long ticketNumber, string messagingType, string messageId);

    [LoggerMessage(7112, LogLevel.Information, "Facebook comment reply for outbox event {EventId} (ticket #{TicketNumber}) posted: comment {CommentId}")]
    public static partial void CommentReplied(ILogger logger, string eventId, long ticketNumber, string commentId);

    [LoggerMessage(7113, LogLevel.Information, "Facebook already shows the {Kind} of outbox event {EventId} ({ToolId}); counted as delivered")]
    public static partial void AlreadyDelivered(ILogger logger, string kind, string eventId, string toolId);
}
