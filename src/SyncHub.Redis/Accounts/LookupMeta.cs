namespace SyncHub.Redis.Accounts;

/// <summary>
/// What the directory keeps beside a stored account or contact: its modification time (microseconds since the
/// Unix epoch, so an older version can be refused), the contact's account id, and the look-up keys it is indexed
/// under, so the next version can remove exactly those (matching options may have changed in between).
/// </summary>
internal sealed record LookupMeta(long Modified, string? Account, IReadOnlyList<string> Keys);
