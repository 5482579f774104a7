namespace SyncHub.Redis;

/// <summary>
/// The Redis store settings: the connection string from <c>ConnectionStrings:Redis</c> and the rest from
/// <c>SyncHub:Redis</c>. Validated at start; a wrong value stops the host with one line naming the key.
/// </summary>
public sealed class RedisStoreOptions
{
    public const string SectionName = "SyncHub:Redis";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The full configuration key of the connection string.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    public const string DefaultKeyPrefix = "synchub:";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:6379,password=...,ssl=true</c>; Sentinel with
    /// <c>serviceName=</c>). It may hold a password: it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prepended to every key, so one Redis can host several environments.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// The most index entries one list call examines before it returns a shorter page with a cursor to
    /// continue from, so a filter combination that matches almost nothing cannot block Redis.
    /// </summary>
    public int ListScanLimit { get; set; } = 10_000;

    /// <summary>
    /// How many replicas must hold a write before it is acknowledged (a webhook answered, a poller's cursor committed, an
    /// agent's action answered): after the write the store sends <c>WAIT</c> and treats fewer acknowledgements within
    /// <see cref="ReplicaAckTimeout"/> as "not stored" (503 / cursor held, then retried; every write is idempotent). With
    /// Sentinel and 1, a promoted replica holds every acknowledged ticket. 0 (the default): no wait.
    /// </summary>
    public int MinReplicasAcked { get; set; }

    /// <summary>
    /// A ticket's JSON or history entry of this many bytes or more is stored Brotli-compressed (behind a header no JSON
    /// starts with; see README.md, Stored form); a shorter one stays plain JSON, readable with redis-cli. 0: never
    /// compress. Values stored in either form read back whatever the setting is now.
    /// </summary>
    public int CompressFrom { get; set; } = 512;

    /// <summary>How long a write waits for <see cref="MinReplicasAcked"/> replicas.</summary>
    public TimeSpan ReplicaAckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
