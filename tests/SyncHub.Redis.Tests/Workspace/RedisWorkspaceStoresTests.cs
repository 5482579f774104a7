using Microsoft.Extensions.Logging.Abstractions;
using SyncHub.Domain;
using SyncHub.Testing.Redis;
using SyncHub.Workflow;

namespace SyncHub.Redis.Tests.Workspace;

/// <summary>Agents' availability, the round-robin turns and the canned answers on a real redis-server, shared by instances.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisWorkspaceStoresTests(RedisServerFixture redis)
{
    private RedisAgentAvailability Availability(string prefix) =>
        new(redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisAgentAvailability>.Instance);

    private RedisCannedAnswerStore CannedAnswers(string prefix) =>
        new(redis.Connection, TestStores.Options(redis, prefix), NullLogger<RedisCannedAnswerStore>.Instance);

    [Fact]
    public async Task Availability_SetOnOneInstance_IsSeenByAnotherAndCanBeWithdrawn()
    {
        var prefix = redis.NewPrefix();
        var one = Availability(prefix);
        var other = Availability(prefix);

        await one.SetAsync("Ana", available: true);
        await one.SetAsync("bruno", available: true);
        await one.SetAsync("bruno", available: false);

        Assert.True(await other.IsAvailableAsync("ana"));
        Assert.False(await other.IsAvailableAsync("bruno"));
        Assert.Equal(["ana"], await other.AvailableAsync());
    }

    [Fact]
    public async Task NextTurn_FromManyInstancesAtOnce_NeverRepeatsATurnAndCountsEachDepartmentApart()
    {
        var prefix = redis.NewPrefix();
        var instances = Enumerable.Range(0, 4).Select(_ => Availability(prefix)).ToList();

        var turns = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => instances[i % 4].NextTurnAsync(Department.PaidSupport)));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), turns.Order());
        Assert.Equal(1, await instances[0].NextTurnAsync(Department.Trials));
    }

    [Fact]
    public async Task CannedAnswers_AddReplaceRemove_AreStoredAndListedByTitle()
    {
        var prefix = redis.NewPrefix();
        var store = CannedAnswers(prefix);

        await store.AddAsync(new CannedAnswer("b", "Password reset", "Hello {{requester.name}}"));
        await store.AddAsync(new CannedAnswer("a", "Thanks", "Thank you"));
        var retried = await store.AddAsync(new CannedAnswer("a", "Other title", "Other body"));
        Assert.True(await store.ReplaceAsync(new CannedAnswer("b", "Account locked", "Unlocked, {{requester.name}}")));
        Assert.False(await store.ReplaceAsync(new CannedAnswer("nope", "x", "y")));

        Assert.Equal("Thanks", retried.Title);
        var listed = await CannedAnswers(prefix).ListAsync();
        Assert.Equal([new CannedAnswer("b", "Account locked", "Unlocked, {{requester.name}}"), new CannedAnswer("a", "Thanks", "Thank you")], listed);
        Assert.True(await store.RemoveAsync("a"));
        Assert.False(await store.RemoveAsync("a"));
        Assert.Null(await store.GetAsync("a"));
        Assert.False(await store.ReplaceAsync(new CannedAnswer("a", "back", "again")));
        Assert.Single(await store.ListAsync());
    }
}
