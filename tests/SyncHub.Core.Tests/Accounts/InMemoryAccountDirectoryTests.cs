using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.InMemory;
using SyncHub.Testing.Accounts;

namespace SyncHub.Core.Tests.Accounts;

public sealed class InMemoryAccountDirectoryTests : AccountDirectoryContract
{
    protected override Task<IAccountDirectoryStore> CreateStoreAsync(AccountDirectoryOptions options, TimeProvider time) =>
        Task.FromResult<IAccountDirectoryStore>(new InMemoryAccountDirectory(new AccountDirectoryRules(Options.Create(options)), time));
}
