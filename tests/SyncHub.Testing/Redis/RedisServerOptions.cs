namespace SyncHub.Testing.Redis;

/// <summary>How <see cref="RedisServerFixture"/> runs its redis-server.</summary>
public sealed record RedisServerOptions
{
    /// <summary>Turns the append-only file on (in the fixture's temp dir), for crash and restart tests.</summary>
    public bool AppendOnly { get; init; }

    /// <summary>The AOF fsync policy when <see cref="AppendOnly"/> is on: <c>always</c>, <c>everysec</c> or <c>no</c>.</summary>
    public string AppendFsync { get; init; } = "everysec";

    /// <summary>When set, the server requires this password (<c>requirepass</c>) and the connection string carries it.</summary>
    public string? Password { get; init; }
}
