namespace SyncHub.Redis.Scripts;

/// <summary>
/// One account or contact as accounts-upsert.lua takes it: its id, modification time in microseconds since the Unix
/// epoch, the account's JSON (null for a contact), the meta JSON kept beside it, and the look-up keys it goes under.
/// </summary>
internal sealed record UpsertRecord(string Id, long Modified, byte[]? Json, byte[] Meta, IReadOnlyList<string> Keys);
