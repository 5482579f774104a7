using System.Net;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Sdk.Testing;
using WireMock.RequestBuilders;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>The modules' deleted-records lists (<c>GET /crm/{version}/{Module}/deleted?type=all</c>) read in each incremental pass.</summary>
public sealed class ZohoDeletedRecordsTests : IDisposable
{
    private readonly ZohoFake zoho = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private AdapterHarness? harness;

    [Fact]
    public async Task FetchAsync_IncrementalPasses_ReturnDeletionsSinceTheDeletionWatermarkWithTheModulesLastPage()
    {
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00")], more: false)
            .Page("Contacts", 1, [Contact("c1", "a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", email: "maria@acme.com")], more: false);
        var source = CreateSut().Get<ZohoCrmSource>();
        var first = await source.ReadAllAsync();
        Assert.Empty(zoho.DeletedRequests("Accounts"));
        Assert.Empty(zoho.DeletedRequests("Contacts"));

        zoho.Reset();
        zoho.Tokens(FirstToken)
            .Status("Accounts", 1, HttpStatusCode.NoContent)
            .Deleted("Accounts", 1, [("a1", "2025-06-02T10:00:00-03:00", "recycle"), ("a7", "2025-06-02T09:00:00-03:00", "permanent")], more: true)
            .Deleted("Accounts", 2, [("a8", "2025-06-02T09:30:00-03:00", "permanent")])
            .Status("Contacts", 1, HttpStatusCode.NoContent)
            .Deleted("Contacts", 1, [("c1", "2025-06-02T10:00:00-03:00", "recycle")]);
        time.Advance(TimeSpan.FromHours(2));
        var second = await source.ReadAllAsync(first[^1].NextCursor);

        Assert.Equal([true, true, false], second.Select(p => p.HasMore));
        Assert.Equal([["a1", "a7"], ["a8"], []], second.Select(p => p.DeletedAccountIds));
        Assert.Equal([[], [], ["c1"]], second.Select(p => p.DeletedContactIds));
        var deletedAccounts = zoho.DeletedRequests("Accounts");
        Assert.Equal(["1", "2"], deletedAccounts.Select(r => Query(r, "page")));
        Assert.All(deletedAccounts.Concat(zoho.DeletedRequests("Contacts")), r =>
        {
            // The first full sync started the deletion watermark at its own start, less the clock skew.
            Assert.Equal("2025-06-02T11:55:00+00:00", Header(r, "If-Modified-Since"));
            Assert.Equal("all", Query(r, "type"));
            Assert.Equal($"Zoho-oauthtoken {FirstToken}", Header(r, "Authorization"));
        });

        zoho.Reset();
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent).Status("Contacts", 1, HttpStatusCode.NoContent);
        var third = await source.ReadAllAsync(second[^1].NextCursor);

        // The next pass asks for deletions since the latest deleted_time it saw.
        Assert.Equal(0, third.Sum(p => p.DeletedCount));
        Assert.Equal("2025-06-02T10:00:00-03:00", Header(Assert.Single(zoho.DeletedRequests("Accounts")), "If-Modified-Since"));
        Assert.Equal("2025-06-02T10:00:00-03:00", Header(Assert.Single(zoho.DeletedRequests("Contacts")), "If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_CursorWrittenBeforeDeletionsWereRead_ReadsThemSinceTheRecordsWatermark()
    {
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a2", "Globex", "2025-06-01T10:00:00-03:00")], more: false)
            .Deleted("Accounts", 1, [("a1", "2025-05-30T10:00:00-03:00", "recycle")]);
        var source = CreateSut(new() { ["ContactsModule"] = "" }).Get<ZohoCrmSource>();

        var page = await source.FetchAsync("""{"module":"Accounts","page":1,"since":{"Accounts":"2025-05-21T09:30:00-03:00"},"v":1}""", CancellationToken.None);

        Assert.Equal(["a2"], page.Accounts.Select(a => a.CrmId));
        Assert.Equal(["a1"], page.DeletedAccountIds);
        Assert.Empty(page.DeletedContactIds);
        Assert.False(page.HasMore);
        Assert.Equal("2025-05-21T09:30:00-03:00", Header(Assert.Single(zoho.DeletedRequests("Accounts")), "If-Modified-Since"));
        Assert.Contains("\"deletedSince\":{\"Accounts\":\"2025-05-30T10:00:00-03:00\"}", page.NextCursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_DeletedListRefused_FailsThePollNamingItAndKeepsTheCursor()
    {
        const string cursor = """{"module":"Accounts","page":1,"since":{"Accounts":"2025-05-21T09:30:00-03:00"},"v":1}""";
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent);
        zoho.Server.Given(Request.Create().WithPath($"/crm/{ZohoFake.Version}/Accounts/deleted").UsingGet())
            .RespondWith(ErrorResponse(HttpStatusCode.BadRequest, "INVALID_DATA", "invalid data", new() { ["param_name"] = "type" }));
        var source = CreateSut(new() { ["ContactsModule"] = "" }).Get<ZohoCrmSource>();

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => source.FetchAsync(cursor, CancellationToken.None));

        Assert.Contains("reading the deleted Accounts", error.Message, StringComparison.Ordinal);
        Assert.Equal("INVALID_DATA", error.Code);
    }

    public void Dispose()
    {
        harness?.Dispose();
        zoho.Dispose();
    }

    private AdapterHarness CreateSut(Dictionary<string, string?>? settings = null) => harness = ZohoSettings.Harness(zoho, time, settings);
}
