using SyncHub.Adapters;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>What a removal leaves in Redis: nothing of the removed records, not even an empty look-up key.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountDirectoryRemovalTests(RedisServerFixture redis)
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 20, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RemoveAsync_EveryRecord_LeavesNoKeyBehind()
    {
        var prefix = redis.NewPrefix();
        var sut = RedisAccountDirectoryTests.Create(redis, prefix);
        var keep = new CrmAccount("acc-2", "Globex", "Silver", "Customer", null, ["globex.com.br"], [], T0);
        await sut.UpsertAsync(
            [new CrmAccount("acc-1", "Acme Ltda", "Gold", "Customer", null, ["acme.com"], ["+55 11 3333-4444"], T0), keep],
            [new CrmContact("con-1", "acc-1", "maria@acme.com", "11 98888-7777", "Maria", T0)]);

        await sut.RemoveAsync(["acc-1"], ["con-1"]);

        var keys = redis.Connection.GetServers()[0].Keys(pattern: prefix + "*").Select(k => k.ToString()[prefix.Length..]).Order(StringComparer.Ordinal);
        Assert.Equal(["accounts:account", "accounts:account-meta", "accounts:domain:globex.com.br"], keys);
        Assert.Equal("acc-2", (await sut.FindAsync(new Domain.Requester(Email: "x@globex.com.br")))?.CrmId);
    }
}
