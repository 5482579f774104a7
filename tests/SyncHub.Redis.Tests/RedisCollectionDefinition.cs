using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests;

/// <summary>One redis-server for every Redis test of this assembly; the tests of the collection run one at a time.</summary>
[CollectionDefinition(RedisCollection.Name)]
public sealed class RedisCollectionDefinition : ICollectionFixture<RedisServerFixture>;
