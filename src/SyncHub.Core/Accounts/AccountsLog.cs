using Microsoft.Extensions.Logging;

namespace SyncHub.Diagnostics;

/// <summary>The account directory's log messages (EventIds 1200-1299) in the core's one <c>Log</c> class.</summary>
internal static partial class Log
{
    [LoggerMessage(1201, LogLevel.Debug, "Account source {Source} upserted {Accounts} accounts and {Contacts} contacts")]
    public static partial void AccountsUpserted(ILogger logger, string source, int accounts, int contacts);

    [LoggerMessage(1202, LogLevel.Information, "Account source {Source} reported {Accounts} accounts and {Contacts} contacts deleted in the CRM; removed from the directory")]
    public static partial void AccountsRemoved(ILogger logger, string source, int accounts, int contacts);
}
