using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.InMemory;
using SyncHub.Testing.Accounts;

namespace SyncHub.Core.Tests.Accounts;

public sealed class InMemoryAccountDirectoryTests : AccountDirectoryContract
{
    [Fact]
    public async Task FindEmailAsync_CallerKnownByPhone_AnswersTheMostRecentContactWithAnAddress()
    {
        var sut = new InMemoryAccountDirectory(new AccountDirectoryRules(Options.Create(new AccountDirectoryOptions())), Time);
        await sut.UpsertAsync([], [Maria, Maria with { CrmId = "con-7", Email = "Newer@Acme.com", ModifiedAt = T0.AddDays(1) }, Maria with { CrmId = "con-8", Email = null, ModifiedAt = T0.AddDays(2) }]);

        Assert.Equal("Newer@Acme.com", await sut.FindEmailAsync(new Requester(Phone: "(11) 98888-7777")));
        Assert.Equal("own@example.com", await sut.FindEmailAsync(new Requester(Email: "Own@Example.com", Phone: "(11) 98888-7777")));
        Assert.Null(await sut.FindEmailAsync(new Requester(Phone: "(11) 91111-2222")));
    }

    protected override Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time) =>
        Task.FromResult<IAccountDirectoryStore>(new InMemoryAccountDirectory(new AccountDirectoryRules(Options.Create(options)), time));
}
