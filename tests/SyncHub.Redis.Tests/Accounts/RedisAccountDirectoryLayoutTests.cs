using System.Globalization;
using StackExchange.Redis;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Redis.Accounts;
using SyncHub.Redis.Tests.Outbox;
using SyncHub.Storage;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>What only the Redis directory has: its keys (also after a removal), shared keys between records, large pages, key moves across option changes, Redis down.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountDirectoryLayoutTests(RedisServerFixture redis)
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 20, 16, 0, 0, TimeSpan.Zero);

    private static readonly CrmAccount Acme = new("acc-1", "Acme Ltda", "Gold", "Customer", null, ["acme.com"], ["+55 11 3333-4444"], T0);

    private static readonly CrmContact Maria = new("con-1", "acc-1", "Maria.Silva@Acme.com", "11 98888-7777", "Maria Silva", T0);

    private readonly string prefix = redis.NewPrefix();

    [Fact]
    public async Task UpsertAsync_AccountAndContact_WritesTheDocumentedKeysUnderThePrefix()
    {
        var sut = CreateSut();

        await sut.UpsertAsync([Acme], [Maria]);

        string[] expected =
        [
            "accounts:account", "accounts:account-meta", "accounts:contact",
            "accounts:contact-phone:+5511988887777", "accounts:domain:acme.com",
            "accounts:email:maria.silva@acme.com", "accounts:phone:+551133334444", "accounts:version",
        ];
        Assert.Equal(expected.Select(k => prefix + k), await KeysAsync());
        var micros = RedisAccountDirectory.Microseconds(T0);
        Assert.Equal(-micros, await Database.SortedSetScoreAsync(prefix + "accounts:domain:acme.com", "acc-1"));
        Assert.Equal(
            $$"""{"modified":{{micros.ToString(CultureInfo.InvariantCulture)}},"account":"acc-1","keys":["email:maria.silva@acme.com","contact-phone:+5511988887777"]}""",
            (string?)await Database.HashGetAsync(prefix + "accounts:contact", "con-1"));
    }

    [Fact]
    public async Task UpsertAsync_RecordsLoseTheirKeys_LeavesNoEmptyLookupKeys()
    {
        var sut = CreateSut();
        await sut.UpsertAsync([Acme], [Maria]);

        await sut.UpsertAsync(
            [Acme with { EmailDomains = [], Phones = [], ModifiedAt = T0.AddHours(1) }],
            [Maria with { Email = null, Phone = null, ModifiedAt = T0.AddHours(1) }]);

        Assert.Equal(
            new[] { "accounts:account", "accounts:account-meta", "accounts:contact", "accounts:version" }.Select(k => prefix + k),
            await KeysAsync());
        Assert.Equal(new AccountDirectoryCount(1, 1), await sut.CountAsync());
    }

    [Fact]
    public async Task RemoveAsync_AccountAndContact_LeavesNoKeyOfThemBehind()
    {
        var sut = CreateSut();
        var globex = new CrmAccount("acc-2", "Globex", "Silver", "Customer", null, ["globex.com.br"], [], T0);
        await sut.UpsertAsync([Acme, globex], [Maria]);

        await sut.RemoveAsync(["acc-1"], ["con-1"]);

        Assert.Equal(
            new[] { "accounts:account", "accounts:account-meta", "accounts:domain:globex.com.br", "accounts:version" }.Select(k => prefix + k),
            await KeysAsync());
        Assert.Equal(new AccountDirectoryCount(1, 0), await sut.CountAsync());
    }

    [Fact]
    public async Task Version_BumpedByEveryChangeAndRemoval_NotByAReplayedPageOrAnOlderVersion()
    {
        var sut = CreateSut();

        await sut.UpsertAsync([Acme], [Maria]);
        var afterFirst = await VersionAsync();
        await sut.UpsertAsync([Acme], [Maria]);
        await sut.UpsertAsync([Acme with { Plan = "Silver", ModifiedAt = T0.AddHours(-1) }], []);
        var afterReplays = await VersionAsync();
        await sut.UpsertAsync([Acme with { Plan = "Silver", ModifiedAt = T0.AddHours(1) }], []);
        var afterChange = await VersionAsync();
        await sut.RemoveAsync(["acc-404"], []);
        var afterUnknown = await VersionAsync();
        await sut.RemoveAsync([], ["con-1"]);

        Assert.Equal((2, 2, 3, 3, 4), (afterFirst, afterReplays, afterChange, afterUnknown, await VersionAsync()));
    }

    [Fact]
    public async Task RemoveAsync_MoreIdsThanOneScriptCall_RemovesEveryRecord()
    {
        var sut = CreateSut();
        var count = RedisAccountDirectory.UpsertChunk + 1;
        var (accounts, contacts) = Customers(count);
        await sut.UpsertAsync(accounts, contacts);

        await sut.RemoveAsync([.. accounts.Select(a => a.CrmId)], [.. contacts.Select(c => c.CrmId)]);

        Assert.Equal(new AccountDirectoryCount(0, 0), await sut.CountAsync());
        Assert.Equal([prefix + "accounts:version"], await KeysAsync());
    }

    [Fact]
    public async Task FindAsync_DomainSharedByTwoAccounts_MostRecentlyModifiedWinsUntilItLeaves()
    {
        var sut = CreateSut();
        var older = Acme;
        var newer = new CrmAccount("acc-9", "Acme Holding", "Silver", "Customer", null, ["acme.com"], [], T0.AddDays(1));
        await sut.UpsertAsync([newer, older], []);
        var requester = new Requester(Email: "someone@acme.com");

        var before = await sut.FindAsync(requester);
        await sut.UpsertAsync([newer with { EmailDomains = ["acme-holding.com"], ModifiedAt = T0.AddDays(2) }], []);
        var after = await sut.FindAsync(requester);

        Assert.Equal(("acc-9", "acc-1"), (before?.CrmId, after?.CrmId));
    }

    [Fact]
    public async Task FindAsync_DomainSharedByAccountsModifiedAtTheSameTime_TheLowerIdWins()
    {
        var sut = CreateSut();
        await sut.UpsertAsync([Acme with { CrmId = "acc-b" }, Acme with { CrmId = "acc-a" }], []);

        var found = await sut.FindAsync(new Requester(Email: "someone@acme.com"));

        Assert.Equal("acc-a", found?.CrmId);
    }

    [Fact]
    public async Task FindAsync_AddressSharedByTwoContacts_TheMostRecentlyModifiedContactsAccountWins()
    {
        var sut = CreateSut();
        var globex = Acme with { CrmId = "acc-2", Name = "Globex", EmailDomains = [], Phones = [] };
        await sut.UpsertAsync([Acme, globex], [Maria, Maria with { CrmId = "con-2", AccountCrmId = "acc-2", ModifiedAt = T0.AddMinutes(1) }]);

        var found = await sut.FindAsync(new Requester(Email: "maria.silva@acme.com"));

        Assert.Equal("acc-2", found?.CrmId);
    }

    [Fact]
    public async Task UpsertAsync_PublicDomainsChangedBetweenRuns_StillRemovesTheKeysStoredBefore()
    {
        await CreateSut().UpsertAsync([Acme], []);
        var reconfigured = CreateSut(new AccountDirectoryOptions { PublicEmailDomains = ["acme.com"] });

        await reconfigured.UpsertAsync([Acme with { Phones = [], ModifiedAt = T0.AddHours(1) }], []);

        Assert.Equal(new[] { "accounts:account", "accounts:account-meta", "accounts:version" }.Select(k => prefix + k), await KeysAsync());
        Assert.Null(await CreateSut().FindAsync(new Requester(Email: "someone@acme.com")));
    }

    [Fact]
    public async Task UpsertAsync_PageLargerThanOneScriptCall_StoresEveryRecord()
    {
        var sut = CreateSut();
        var count = (RedisAccountDirectory.UpsertChunk * 2) + 1;
        var (accounts, contacts) = Customers(count);

        await sut.UpsertAsync(accounts, contacts);

        Assert.Equal(new AccountDirectoryCount(count, count), await sut.CountAsync());
        Assert.Equal($"acc-{count - 1}", (await sut.FindAsync(new Requester(Email: $"boss@customer{count - 1}.example")))?.CrmId);
    }

    [Fact]
    public async Task FindAsync_ModifiedTimesMicrosecondsApart_KeepsTheNewer()
    {
        var sut = CreateSut();
        var newer = Acme with { Plan = "Enterprise", ModifiedAt = T0.AddTicks(20) };
        await sut.UpsertAsync([newer], []);

        await sut.UpsertAsync([Acme with { ModifiedAt = T0.AddTicks(10) }], []);

        Assert.Equal("Enterprise", (await sut.FindAsync(new Requester(Email: "x@acme.com")))?.Plan);
    }

    [Fact]
    public async Task Calls_RedisUnreachable_ThrowStoreUnavailable()
    {
        await using var connection = await UnreachableRedis.ConnectAsync();
        var sut = RedisAccountDirectoryTests.Create(redis, prefix, connection: connection);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.FindAsync(new Requester(Email: "maria.silva@acme.com")));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.UpsertAsync([Acme], [Maria]));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.CountAsync());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.RemoveAsync(["acc-1"], []));
    }

    private IDatabase Database => redis.Connection.GetDatabase();

    private async Task<long> VersionAsync() => (long)await Database.StringGetAsync(prefix + "accounts:version");

    /// <summary><paramref name="count"/> accounts, each with a domain of its own and one contact on it.</summary>
    private static (List<CrmAccount> Accounts, List<CrmContact> Contacts) Customers(int count)
    {
        var accounts = Enumerable.Range(0, count)
            .Select(i => Acme with { CrmId = $"acc-{i}", EmailDomains = [$"customer{i}.example"], Phones = [] })
            .ToList();
        var contacts = accounts.Select(a => Maria with { CrmId = "con-" + a.CrmId, AccountCrmId = a.CrmId, Email = $"boss@{a.EmailDomains[0]}", Phone = null }).ToList();
        return (accounts, contacts);
    }

    private RedisAccountDirectory CreateSut(AccountDirectoryOptions? options = null) => RedisAccountDirectoryTests.Create(redis, prefix, options);

    private async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        await foreach (var key in redis.Connection.GetServers()[0].KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key!);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
