using Microsoft.Extensions.Logging;

namespace SyncHub.Redis;

/// <summary>The Redis account directory's log messages (EventIds 2201-2299) in the project's one <c>Log</c> class.</summary>
internal static partial class Log
{
    [LoggerMessage(2201, LogLevel.Debug, "Account directory stored {Accounts} of {AccountsGiven} accounts and {Contacts} of {ContactsGiven} contacts (the rest were older than the stored versions)")]
    public static partial void AccountsStored(ILogger logger, long accounts, int accountsGiven, long contacts, int contactsGiven);

    [LoggerMessage(2202, LogLevel.Debug, "Account directory removed {Accounts} of {AccountsGiven} accounts and {Contacts} of {ContactsGiven} contacts deleted in the CRM (the rest were not stored)")]
    public static partial void AccountsRemoved(ILogger logger, long accounts, int accountsGiven, long contacts, int contactsGiven);

    [LoggerMessage(2203, LogLevel.Debug, "Account mirror loaded {Accounts} accounts and {Contacts} contacts at directory version {Version} in {Milliseconds:0} ms")]
    public static partial void AccountMirrorLoaded(ILogger logger, long accounts, long contacts, long version, double milliseconds);

    [LoggerMessage(2204, LogLevel.Warning, "Account mirror cannot refresh from Redis: look-ups answer from the copy last known current at {CurrentAt:o} (it may be stale); retrying every {Refresh}")]
    public static partial void AccountMirrorStale(ILogger logger, Exception exception, DateTimeOffset currentAt, TimeSpan refresh);

    [LoggerMessage(2205, LogLevel.Information, "Account mirror refreshes from Redis again (directory version {Version})")]
    public static partial void AccountMirrorRecovered(ILogger logger, long version);

    [LoggerMessage(2206, LogLevel.Error, "Account mirror refresh failed; the copy is kept and the refresh retries")]
    public static partial void AccountMirrorRefreshFailed(ILogger logger, Exception exception);
}
