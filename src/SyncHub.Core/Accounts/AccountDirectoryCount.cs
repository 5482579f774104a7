namespace SyncHub.Accounts;

/// <summary>How many accounts and contacts an account directory holds.</summary>
public sealed record AccountDirectoryCount(long Accounts, long Contacts);
