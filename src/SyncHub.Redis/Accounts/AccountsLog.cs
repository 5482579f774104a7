using Microsoft.Extensions.Logging;

namespace SyncHub.Redis;

/// <summary>The Redis account directory's log messages (EventIds 2201-2299) in the project's one <c>Log</c> class.</summary>
internal static partial class Log
{
    [LoggerMessage(2201, LogLevel.Debug, "Account directory stored {Accounts} of {AccountsGiven} accounts and {Contacts} of {ContactsGiven} contacts (the rest were older than the stored versions)")]
    public static partial void AccountsStored(ILogger logger, long accounts, int accountsGiven, long contacts, int contactsGiven);

    [LoggerMessage(2202, LogLevel.Debug, "Account directory removed {Accounts} of {AccountsGiven} accounts and {Contacts} of {ContactsGiven} contacts deleted in the CRM (the rest were not stored)")]
    public static partial void AccountsRemoved(ILogger logger, long accounts, int accountsGiven, long contacts, int contactsGiven);
}
