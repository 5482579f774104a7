namespace SyncHub.Testing.Redis;

/// <summary>A redis-server with AOF on (fsync always), as production runs it: data survives a stop and restart.</summary>
public sealed class DurableRedisServerFixture() : RedisServerFixture(new RedisServerOptions { AppendOnly = true, AppendFsync = "always" });
