using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.Livechat;

/// <summary>The adapter's log messages (EventIds 7200-7299). Never the secret token, the visitor's message or address.</summary>
internal static partial class Log
{
    [LoggerMessage(7201, LogLevel.Warning, "Livechat webhook refused: {Problem} X-RocketChat-Livechat-Token header")]
    public static partial void TokenRefused(ILogger logger, string problem);

    [LoggerMessage(7202, LogLevel.Debug, "Livechat webhook event {Type} ignored: only offline messages become tickets")]
    public static partial void EventIgnored(ILogger logger, string type);

    [LoggerMessage(7203, LogLevel.Debug, "Livechat offline message {ExternalId} read (department given: {HasDepartment})")]
    public static partial void OfflineMessageRead(ILogger logger, string externalId, bool hasDepartment);
}
