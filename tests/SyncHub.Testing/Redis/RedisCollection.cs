namespace SyncHub.Testing.Redis;

/// <summary>
/// The name of the xunit collection whose tests share one <see cref="RedisServerFixture"/>. xunit only reads
/// collection definitions from the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(RedisCollection.Name)] public sealed class RedisCollectionDefinition : ICollectionFixture&lt;RedisServerFixture&gt;;</c>
/// and its Redis test classes carry <c>[Collection(RedisCollection.Name)]</c>.
/// </summary>
public static class RedisCollection
{
    public const string Name = "redis";
}
