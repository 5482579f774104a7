using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Sdk.Testing;
using SyncHub.Sla;
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
        zoho.Reset();
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme Ltda", "2025-05-25T10:00:00-03:00", plan: "Enterprise", website: "acme.io")], more: false)
            .Status("Contacts", 1, HttpStatusCode.NoContent);

        await target.PollAsync(second.NextCursor, CancellationToken.None);

        var directory = harness.Provider.GetRequiredService<IAccountDirectory>();
        Assert.Null(await directory.FindAsync(new Requester(Email: "x@acme.com")));
        Assert.Equal("Enterprise", (await directory.FindAsync(new Requester(Email: "x@acme.io")))?.Plan);
        Assert.Equal("2025-05-20T10:00:00-03:00", Header(Assert.Single(zoho.RecordRequests("Accounts")), "If-Modified-Since"));
    }

    [Fact]
    public async Task PollAsync_AccountDeletedInZoho_LeavesTheDirectoryAndATicketFromItsDomainGetsBestEffort()
    {
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1,
                [
                    Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", plan: "Gold", type: "Customer", website: "acme.com", phone: "+55 11 3333-4444"),
                    Account("a2", "Globex", "2025-05-20T11:00:00-03:00", plan: "Silver", type: "Customer", website: "globex.com.br"),
                ],
                more: false)
            .Page("Contacts", 1, [Contact("c1", "a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", email: "maria.silva@gmail.com")], more: false);
        using var harness = ZohoSettings.Harness(zoho, time);
        var target = harness.PollTarget();
        var directory = harness.Provider.GetRequiredService<IAccountDirectory>();
        var sla = new TableSlaPolicy(SlaTable.Create(new SlaOptions()));
        var cursor = await SyncAsync(target, null);
        var before = sla.Stamp(new TicketContext(Ticket("cto@acme.com"), await directory.FindAsync(new Requester(Email: "cto@acme.com")), time.GetUtcNow()), Priority.High);
        Assert.NotNull(before.Value);

        zoho.Reset();
        zoho.Tokens(FirstToken)
            .Status("Accounts", 1, HttpStatusCode.NoContent)
            .Deleted("Accounts", 1, [("a1", "2025-06-02T09:40:00-03:00", "recycle")])
            .Status("Contacts", 1, HttpStatusCode.NoContent);
        time.Advance(TimeSpan.FromHours(1));
        await SyncAsync(target, cursor);

        var found = await directory.FindAsync(new Requester(Email: "cto@acme.com"));
        var after = sla.Stamp(new TicketContext(Ticket("cto@acme.com"), found, time.GetUtcNow()), Priority.High);
        Assert.Null(found);
        Assert.Null(after.Value);
        Assert.Contains("unknown requester", after.Reason, StringComparison.Ordinal);
        Assert.Null(await directory.FindAsync(new Requester(Email: "maria.silva@gmail.com")));
        Assert.Null(await directory.FindAsync(new Requester(Phone: "+55 11 3333-4444")));
        Assert.Equal("a2", (await directory.FindAsync(new Requester(Email: "ti@globex.com.br")))?.CrmId);
        Assert.Equal(new AccountDirectoryCount(1, 1), await harness.Provider.GetRequiredService<IAccountDirectoryStore>().CountAsync());
        Assert.Contains(harness.Logs.GetSnapshot(), l => l.Id.Id == 1202);
    }

    /// <summary>Polls as the host's poller does until the pass ends; returns the cursor it would commit.</summary>
    private static async Task<string?> SyncAsync(SyncHub.Pipeline.IPollTarget target, string? cursor)
    {
        for (var polls = 0; polls < 10; polls++)
        {
            var result = await target.PollAsync(cursor, CancellationToken.None);
            cursor = result.NextCursor;
            if (!result.HasMore)
            {
                return cursor;
            }
        }

        throw new InvalidOperationException("the pass did not end within 10 polls");
    }

    private static IntakeRecord Ticket(string email) => new()
    {
        Source = "WebForm",
        ExternalId = "form-1",
        Channel = Channel.Web,
        Requester = new Requester(Email: email),
        Subject = "System down",
        Body = "Our server does not start since this morning.",
        ReceivedAt = new DateTimeOffset(2025, 6, 2, 13, 0, 0, TimeSpan.Zero),
    };

    public void Dispose() => zoho.Dispose();
}
