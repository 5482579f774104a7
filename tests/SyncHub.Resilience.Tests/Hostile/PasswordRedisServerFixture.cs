using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Redis;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>A redis-server that requires <see cref="TestSecrets.RedisPassword"/>; its connection string carries it.</summary>
public sealed class PasswordRedisServerFixture() : RedisServerFixture(new RedisServerOptions { Password = TestSecrets.RedisPassword });
