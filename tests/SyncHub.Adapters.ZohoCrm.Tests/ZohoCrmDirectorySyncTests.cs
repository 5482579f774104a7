using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>End to end: Zoho (WireMock) → ZohoCrmSource → AccountSyncPollTarget → InMemoryAccountDirectory → FindAsync.</summary>
public sealed class ZohoCrmDirectorySyncTests : IDisposable
{
    private readonly ZohoFake zoho = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PollAsync_SyncedToTheEnd_DirectoryFindsAccountsByEmailDomainAndPhone()
    {
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1,
                [
                    Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", plan: "Gold", type: "Customer", website: "https://www.acme.com", phone: "+55 11 3333-4444", expiry: "2026-05-31"),
                    Account("a2", "Globex", "2025-05-20T11:00:00-03:00", plan: "Pro", type: "Customer", website: "globex.com.br", expiry: "2025-05-31"),
                ],
                more: true)
            .Page("Accounts", 2, [Account("a3", "Initech", "2025-05-20T12:00:00-03:00", plan: "Community", type: "Potential Customer", phone: "(21) 2222-1111")], more: false)
            .Page("Contacts", 1, [Contact("c1", "a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", email: "Maria.Silva@gmail.com", phone: "11 98888-7777")], more: false);
        using var harness = ZohoSettings.Harness(zoho, time);
        var target = harness.PollTarget();

        string? cursor = null;
        var polls = 0;
        for (var hasMore = true; hasMore && polls < 10; polls++)
        {
            var result = await target.PollAsync(cursor, CancellationToken.None);
            cursor = result.NextCursor;
            hasMore = result.HasMore;
        }

        var directory = harness.Provider.GetRequiredService<IAccountDirectory>();
        Assert.Equal(3, polls);
        Assert.Equal(new AccountDirectoryCount(3, 1), await harness.Provider.GetRequiredService<IAccountDirectoryStore>().CountAsync());
        Assert.Equal(new AccountSnapshot("a1", "Acme Ltda", "Gold", "Customer"), await directory.FindAsync(new Requester(Email: "maria.silva@GMAIL.com")));
        Assert.Equal(new AccountSnapshot("a1", "Acme Ltda", "Gold", "Customer"), await directory.FindAsync(new Requester(Email: "someone.new@acme.com")));
        Assert.Equal(new AccountSnapshot("a2", "Globex", "Pro", "Expired"), await directory.FindAsync(new Requester(Email: "ti@globex.com.br")));
        Assert.Equal(new AccountSnapshot("a3", "Initech", "Community", "Potential Customer"), await directory.FindAsync(new Requester(Phone: "+55 21 2222-1111")));
        Assert.Equal("a1", (await directory.FindAsync(new Requester(Phone: "+5511988887777")))?.CrmId);
        Assert.Null(await directory.FindAsync(new Requester(Email: "stranger@gmail.com")));
    }

    [Fact]
    public async Task PollAsync_AccountChangedInZoho_NextSyncReplacesItsLookupKeys()
    {
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", website: "acme.com")], more: false)
            .Status("Contacts", 1, HttpStatusCode.NoContent);
        using var harness = ZohoSettings.Harness(zoho, time);
        var target = harness.PollTarget();
        var first = await target.PollAsync(null, CancellationToken.None);
        var second = await target.PollAsync(first.NextCursor, CancellationToken.None);
        zoho.Server.Reset();
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme Ltda", "2025-05-25T10:00:00-03:00", plan: "Enterprise", website: "acme.io")], more: false)
            .Status("Contacts", 1, HttpStatusCode.NoContent);

        await target.PollAsync(second.NextCursor, CancellationToken.None);

        var directory = harness.Provider.GetRequiredService<IAccountDirectory>();
        Assert.Null(await directory.FindAsync(new Requester(Email: "x@acme.com")));
        Assert.Equal("Enterprise", (await directory.FindAsync(new Requester(Email: "x@acme.io")))?.Plan);
        Assert.Equal("2025-05-20T10:00:00-03:00", Header(Assert.Single(zoho.RecordRequests("Accounts")), "If-Modified-Since"));
    }

    public void Dispose() => zoho.Dispose();
}
