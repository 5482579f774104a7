using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.InMemory;

namespace SyncHub.Core.Tests.Accounts;

public sealed class AccountSyncPollTargetTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly CrmAccount Acme = new("acc-1", "Acme", "Gold", "Customer", null, ["acme.com"], [], T0);
    private static readonly CrmContact Maria = new("con-1", "acc-1", "maria@acme.com", null, "Maria", T0);

    private readonly InMemoryAccountDirectory directory =
        new(new AccountDirectoryRules(Options.Create(new AccountDirectoryOptions())), new FakeTimeProvider());

    [Fact]
    public async Task PollAsync_Page_UpsertsItAndReturnsItsCursor()
    {
        var source = new ScriptedSource(new AccountPage([Acme], [Maria], "cursor-2", HasMore: true));
        var sut = CreateSut(source);

        var result = await sut.PollAsync("cursor-1", CancellationToken.None);

        Assert.Equal(new SyncHub.Pipeline.PollResult("cursor-2", 2, true), result);
        Assert.Equal(["cursor-1"], source.Cursors);
        Assert.Equal("acc-1", (await directory.FindAsync(new Requester(Email: "maria@acme.com")))?.CrmId);
    }

    [Fact]
    public async Task PollAsync_PageWithDeletions_StoresItsRecordsThenRemovesTheDeletedOnes()
    {
        var globex = new CrmAccount("acc-2", "Globex", "Silver", "Customer", null, ["globex.com.br"], [], T0);
        await directory.UpsertAsync([Acme], [Maria]);
        var page = new AccountPage([globex], [], "cursor-3") { DeletedAccountIds = ["acc-1"], DeletedContactIds = ["con-1"] };
        var sut = CreateSut(new ScriptedSource(page));

        var result = await sut.PollAsync("cursor-2", CancellationToken.None);

        Assert.Equal(new SyncHub.Pipeline.PollResult("cursor-3", 3, false), result);
        Assert.Null(await directory.FindAsync(new Requester(Email: "maria@acme.com")));
        Assert.Null(await directory.FindAsync(new Requester(Email: "someone@acme.com")));
        Assert.Equal("acc-2", (await directory.FindAsync(new Requester(Email: "someone@globex.com.br")))?.CrmId);
        Assert.Equal(new AccountDirectoryCount(1, 0), await directory.CountAsync());
    }

    [Fact]
    public async Task PollAsync_EmptyPage_ReturnsCursorWithoutMore()
    {
        var sut = CreateSut(new ScriptedSource(AccountPage.Empty("cursor-9")));

        var result = await sut.PollAsync(null, CancellationToken.None);

        Assert.Equal(new SyncHub.Pipeline.PollResult("cursor-9", 0, false), result);
        Assert.Equal(new AccountDirectoryCount(0, 0), await directory.CountAsync());
    }

    [Fact]
    public async Task PollAsync_SourceFails_PropagatesSoTheCursorIsNotCommitted()
    {
        var sut = CreateSut(new ScriptedSource(new HttpRequestException("CRM down")));

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.PollAsync("cursor-1", CancellationToken.None));
    }

    [Fact]
    public void Name_IsTheSourceName()
    {
        Assert.Equal("FakeCrm", CreateSut(new ScriptedSource(AccountPage.Empty(null))).Name);
    }

    private AccountSyncPollTarget CreateSut(IAccountSource source) =>
        new(source, directory, NullLogger<AccountSyncPollTarget>.Instance);

    private sealed class ScriptedSource(params object[] answers) : IAccountSource
    {
        private int next;

        public List<string?> Cursors { get; } = [];

        public string Name => "FakeCrm";

        public Task<AccountPage> FetchAsync(string? cursor, CancellationToken cancellationToken)
        {
            Cursors.Add(cursor);
            return answers[next++] switch
            {
                AccountPage page => Task.FromResult(page),
                Exception error => Task.FromException<AccountPage>(error),
                var other => throw new InvalidOperationException($"unexpected answer {other}"),
            };
        }
    }
}
