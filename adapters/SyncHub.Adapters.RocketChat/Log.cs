using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.RocketChat;

/// <summary>The adapter's log messages (EventIds 6500-6999). Never the auth token, the webhook URL or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(6501, LogLevel.Debug, "Rocket.Chat message {MessageId} for outbox event {EventId} (ticket #{TicketNumber}) posted to {Channel}")]
    public static partial void Posted(ILogger logger, string messageId, string eventId, long ticketNumber, string channel);

    [LoggerMessage(6502, LogLevel.Information, "Rocket.Chat already has message {MessageId} for outbox event {EventId} in {Channel}; counted as delivered")]
    public static partial void AlreadyPosted(ILogger logger, string messageId, string eventId, string channel);

    [LoggerMessage(6503, LogLevel.Debug, "Rocket.Chat room {Channel} is {RoomId}")]
    public static partial void RoomResolved(ILogger logger, string channel, string roomId);

    [LoggerMessage(6504, LogLevel.Debug, "Outbox event {EventId} (ticket #{TicketNumber}) posted to the Rocket.Chat incoming webhook")]
    public static partial void PostedToWebhook(ILogger logger, string eventId, long ticketNumber);
}
