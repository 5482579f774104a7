using System.Net;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Sdk.Testing;
using WireMock.ResponseBuilders;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoCrmSourceTests : IDisposable
{
    private readonly ZohoFake zoho = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private AdapterHarness? harness;

    [Fact]
    public async Task FetchAsync_FirstSync_FollowsEveryPageOfAccountsThenContacts()
    {
        StubTwoPagesEach();

        var pages = await CreateSut().Get<ZohoCrmSource>().ReadAllAsync();

        Assert.Equal([true, true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(["a1", "a2", "a3"], pages.SelectMany(p => p.Accounts).Select(a => a.CrmId));
        Assert.Equal(["c1", "c2", "c3"], pages.SelectMany(p => p.Contacts).Select(c => c.CrmId));
        var accountRequests = zoho.RecordRequests("Accounts");
        Assert.Equal(["1", "2"], accountRequests.Select(r => Query(r, "page")));
        var contactRequests = zoho.RecordRequests("Contacts");
        Assert.Equal("1", Query(contactRequests[0], "page"));
        Assert.Equal("next-contacts-token", Query(contactRequests[1], "page_token"));
        Assert.Null(Query(contactRequests[1], "page"));
        Assert.All(accountRequests.Concat(contactRequests), r =>
        {
            Assert.Null(Header(r, "If-Modified-Since"));
            Assert.Equal($"Zoho-oauthtoken {FirstToken}", Header(r, "Authorization"));
            Assert.Equal("2", Query(r, "per_page"));
        });
        Assert.Equal("Account_Name,Plan,Account_Type,Support_Expiry,Website,Phone,Modified_Time", Query(accountRequests[0], "fields"));
        Assert.Equal("Email,Secondary_Email,Phone,Mobile,Account_Name,Full_Name,Modified_Time", Query(contactRequests[0], "fields"));
        Assert.Single(zoho.TokenRequests());
    }

    [Fact]
    public async Task FetchAsync_FirstSync_MapsZohoRecords()
    {
        StubTwoPagesEach();

        var pages = await CreateSut().Get<ZohoCrmSource>().ReadAllAsync();

        var acme = pages.SelectMany(p => p.Accounts).Single(a => a.CrmId == "a1");
        Assert.Equal("Acme Ltda", acme.Name);
        Assert.Equal("Gold", acme.Plan);
        Assert.Equal("Customer", acme.Status);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), acme.SupportExpiresAt);
        Assert.Equal(["https://www.acme.com"], acme.EmailDomains);
        Assert.Equal(["+55 11 3333-4444"], acme.Phones);
        Assert.Equal(DateTimeOffset.Parse("2025-05-20T10:00:00-03:00", System.Globalization.CultureInfo.InvariantCulture), acme.ModifiedAt);
        var maria = pages.SelectMany(p => p.Contacts).Single(c => c.CrmId == "c1");
        Assert.Equal(("a1", "maria@acme.com", "11 98888-7777", "Contact c1"), (maria.AccountCrmId, maria.Email, maria.Phone, maria.Name));
        Assert.Empty(maria.OtherPhones);
        Assert.Equal(["11 97777-6666"], pages.SelectMany(p => p.Contacts).Single(c => c.CrmId == "c2").OtherPhones);
    }

    [Fact]
    public async Task FetchAsync_SecondSync_SendsIfModifiedSinceFromTheCursor()
    {
        StubTwoPagesEach();
        var sut = CreateSut();
        var first = await sut.Get<ZohoCrmSource>().ReadAllAsync();
        zoho.Reset();
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent).Status("Contacts", 1, HttpStatusCode.NotModified);

        var second = await sut.Get<ZohoCrmSource>().ReadAllAsync(first[^1].NextCursor);

        Assert.Equal("2025-05-21T09:30:00-03:00", Header(Assert.Single(zoho.RecordRequests("Accounts")), "If-Modified-Since"));
        Assert.Equal("2025-05-22T08:00:00+00:00", Header(Assert.Single(zoho.RecordRequests("Contacts")), "If-Modified-Since"));
        Assert.Equal(0, second.Sum(p => p.Count));
        Assert.False(second[^1].HasMore);
    }

    [Fact]
    public async Task FetchAsync_NothingChanged_KeepsTheWatermarkForTheNextSync()
    {
        StubTwoPagesEach();
        var sut = CreateSut();
        var first = await sut.Get<ZohoCrmSource>().ReadAllAsync();
        zoho.Reset();
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent).Status("Contacts", 1, HttpStatusCode.NoContent);

        var second = await sut.Get<ZohoCrmSource>().ReadAllAsync(first[^1].NextCursor);
        await sut.Get<ZohoCrmSource>().ReadAllAsync(second[^1].NextCursor);

        Assert.Equal(
            ["2025-05-21T09:30:00-03:00", "2025-05-21T09:30:00-03:00"],
            zoho.RecordRequests("Accounts").Select(r => Header(r, "If-Modified-Since")));
        Assert.Equal([0, 0], second.Select(p => p.Count));
    }

    [Fact]
    public async Task FetchAsync_RecordModifiedWhilePassRan_NextPassReachesBackBeforeThePassStart()
    {
        var now = time.GetUtcNow();
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme", now.AddMinutes(-1).ToString("O"))], more: false)
            .Status("Contacts", 1, HttpStatusCode.NoContent);
        var sut = CreateSut(new() { ["ClockSkew"] = "00:10:00" });
        var first = await sut.Get<ZohoCrmSource>().ReadAllAsync();
        zoho.Reset();
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent).Status("Contacts", 1, HttpStatusCode.NoContent);

        await sut.Get<ZohoCrmSource>().ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(
            now.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            Header(Assert.Single(zoho.RecordRequests("Accounts")), "If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_InitialSyncFromConfigured_AsksOnlyForRecordsModifiedSince()
    {
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent).Status("Contacts", 1, HttpStatusCode.NoContent);

        await CreateSut(new() { ["InitialSyncFrom"] = "2025-01-01T00:00:00-03:00" }).Get<ZohoCrmSource>().ReadAllAsync();

        Assert.Equal("2025-01-01T00:00:00-03:00", Header(Assert.Single(zoho.RecordRequests("Accounts")), "If-Modified-Since"));
        Assert.Equal("2025-01-01T00:00:00-03:00", Header(Assert.Single(zoho.RecordRequests("Contacts")), "If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_TokenExpiredMidSync_RefreshesOnceAndReadsThePage()
    {
        zoho.Tokens(FirstToken, SecondToken)
            .Page("Accounts", 1, [Account("a1", "Acme", "2025-05-20T10:00:00-03:00")], more: true)
            .Error("Accounts", 2, HttpStatusCode.Unauthorized, "INVALID_TOKEN", "invalid oauth token")
            .Page("Accounts", 2, [Account("a2", "Globex", "2025-05-20T11:00:00-03:00")], more: false, token: SecondToken)
            .Status("Contacts", 1, HttpStatusCode.NoContent, token: SecondToken);

        var pages = await CreateSut().Get<ZohoCrmSource>().ReadAllAsync();

        Assert.Equal(["a1", "a2"], pages.SelectMany(p => p.Accounts).Select(a => a.CrmId));
        Assert.Equal(2, zoho.TokenRequests().Count);
        Assert.Equal(
            [FirstToken, FirstToken, SecondToken],
            zoho.RecordRequests("Accounts").Select(r => Header(r, "Authorization")!.Replace("Zoho-oauthtoken ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FetchAsync_RefreshedTokenRejectedToo_FailsLoudlyAfterOneRefresh()
    {
        zoho.Tokens(FirstToken, SecondToken)
            .Error("Accounts", 1, HttpStatusCode.Unauthorized, "INVALID_TOKEN", "invalid oauth token")
            .Error("Accounts", 1, HttpStatusCode.Unauthorized, "INVALID_TOKEN", "invalid oauth token", token: SecondToken);
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<ZohoAuthenticationException>(() => sut.Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None));

        Assert.Equal("INVALID_TOKEN", error.Code);
        Assert.Contains("rejected a freshly refreshed access token", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, zoho.TokenRequests().Count);
        Assert.Equal(2, zoho.RecordRequests("Accounts").Count);
        AssertNoSecrets(error.ToString());
        AssertNoSecrets(string.Join('\n', sut.Logs.GetSnapshot().Select(r => r.Message)));
    }

    [Fact]
    public async Task FetchAsync_ScopeMissing_FailsWithoutRefreshing()
    {
        zoho.Tokens(FirstToken, SecondToken)
            .Error("Accounts", 1, HttpStatusCode.Unauthorized, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL");

        var error = await Assert.ThrowsAsync<ZohoAuthenticationException>(() => CreateSut().Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None));

        Assert.Equal("OAUTH_SCOPE_MISMATCH", error.Code);
        Assert.Contains("ZohoCRM.modules.accounts.READ", error.Message, StringComparison.Ordinal);
        Assert.Single(zoho.TokenRequests());
    }

    [Fact]
    public async Task FetchAsync_RateLimitedWithRetryAfter_WaitsAndReadsTheSamePage()
    {
        var answeredAt = new List<DateTimeOffset>();
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme", "2025-05-20T10:00:00-03:00")], more: true)
            .Status("Contacts", 1, HttpStatusCode.NoContent);
        zoho.Server.Given(RecordsRequest("Accounts", 2, null, FirstToken)).InScenario("limit").WillSetStateTo("served")
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.TooManyRequests)
                .WithHeader("Retry-After", "20")
                .WithBody(_ => Answer(answeredAt, """{"code":"TOO_MANY_REQUESTS","details":{},"message":"API limit exceeded","status":"error"}""")));
        zoho.Server.Given(RecordsRequest("Accounts", 2, null, FirstToken)).InScenario("limit").WhenStateIs("served")
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.OK)
                .WithBody(_ => Answer(answeredAt, """{"data":[{"id":"a2","Account_Name":"Globex","Modified_Time":"2025-05-20T11:00:00-03:00"}],"info":{"per_page":2,"count":1,"page":2,"more_records":false}}""")));
        var sut = CreateSut();
        var first = await sut.Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None);

        var second = await time.PumpAsync(sut.Get<ZohoCrmSource>().FetchAsync(first.NextCursor, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(["a2"], second.Accounts.Select(a => a.CrmId));
        Assert.Equal(2, answeredAt.Count);
        Assert.True(answeredAt[1] - answeredAt[0] >= TimeSpan.FromSeconds(20), $"retried {answeredAt[1] - answeredAt[0]} after the 429, before its Retry-After");
        Assert.True(second.HasMore);
    }

    [Fact]
    public async Task FetchAsync_RetryAfterLongerThanTheLimit_FailsThePollAndKeepsTheCursor()
    {
        zoho.Tokens(FirstToken);
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).InScenario("limit").WillSetStateTo("served")
            .RespondWith(ErrorResponse(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS", "API limit exceeded").WithHeader("Retry-After", "3600"));
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).InScenario("limit").WhenStateIs("served")
            .RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?> { ["data"] = new[] { Account("a1", "Acme", "2025-05-20T10:00:00-03:00") }, ["info"] = new Dictionary<string, object?> { ["more_records"] = false } }));
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<ZohoRateLimitedException>(() => sut.Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None));
        var retried = await sut.Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal("TOO_MANY_REQUESTS", error.Code);
        Assert.Equal(["a1"], retried.Accounts.Select(a => a.CrmId));
        Assert.Equal(2, zoho.RecordRequests("Accounts").Count);
    }

    [Fact]
    public async Task FetchAsync_ServerErrorOnce_IsRetriedByTheHttpClient()
    {
        zoho.Tokens(FirstToken).Status("Contacts", 1, HttpStatusCode.NoContent);
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).InScenario("flaky").WillSetStateTo("ok")
            .RespondWith(ErrorResponse(HttpStatusCode.ServiceUnavailable, "INTERNAL_ERROR", "Internal Server Error"));
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).InScenario("flaky").WhenStateIs("ok")
            .RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?> { ["data"] = new[] { Account("a1", "Acme", "2025-05-20T10:00:00-03:00") }, ["info"] = new Dictionary<string, object?> { ["more_records"] = false } }));
        var sut = CreateSut();

        var page = await time.PumpAsync(sut.Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(["a1"], page.Accounts.Select(a => a.CrmId));
        Assert.Equal(2, zoho.RecordRequests("Accounts").Count);
    }

    [Fact]
    public async Task FetchAsync_ZohoErrorBody_ThrowsNamingItsCodeAndMessage()
    {
        zoho.Tokens(FirstToken).Error("Accounts", 1, HttpStatusCode.BadRequest, "INVALID_MODULE", "the module name given seems to be invalid");

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => CreateSut().Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None));

        Assert.Equal("INVALID_MODULE", error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("INVALID_MODULE", error.Message, StringComparison.Ordinal);
        Assert.Contains("the module name given seems to be invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("Accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PageTokenExpired_ReadsTheModuleAgainFromItsFirstPage()
    {
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme", "2025-05-20T10:00:00-03:00")], more: true, nextPageToken: "stale")
            .Error("Accounts", 0, HttpStatusCode.BadRequest, "EXPIRED_VALUE", "the given page token has expired", pageToken: "stale");
        var sut = CreateSut(new() { ["ContactsModule"] = "" });
        var first = await sut.Get<ZohoCrmSource>().FetchAsync(null, CancellationToken.None);

        var second = await sut.Get<ZohoCrmSource>().FetchAsync(first.NextCursor, CancellationToken.None);
        var third = await sut.Get<ZohoCrmSource>().FetchAsync(second.NextCursor, CancellationToken.None);

        Assert.Equal(0, second.Count);
        Assert.True(second.HasMore);
        Assert.Equal(["1", null, "1"], zoho.RecordRequests("Accounts").Select(r => Query(r, "page")));
        Assert.Equal(["a1"], third.Accounts.Select(a => a.CrmId));
    }

    [Fact]
    public async Task FetchAsync_UnreadableCursor_StartsAFullSync()
    {
        zoho.Tokens(FirstToken).Status("Accounts", 1, HttpStatusCode.NoContent);

        var page = await CreateSut().Get<ZohoCrmSource>().FetchAsync("{not a cursor", CancellationToken.None);

        Assert.True(page.HasMore);
        Assert.Null(Header(Assert.Single(zoho.RecordRequests("Accounts")), "If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_CustomFieldMapping_ReadsTheConfiguredFields()
    {
        zoho.Tokens(FirstToken).Page("Accounts", 1,
            [
                new()
                {
                    ["id"] = "a1",
                    ["Account_Name"] = "Acme Ltda",
                    ["Product_Edition"] = new Dictionary<string, object?> { ["name"] = "Enterprise", ["id"] = "p-9" },
                    ["Customer_Status"] = "Active SaaS Trial",
                    ["Support_Until"] = "2025-07-01T18:00:00-03:00",
                    ["Website"] = "acme.com.br",
                    ["Email_Domains"] = "acme.com; acme.io",
                    ["Phone"] = "+55 11 3333-4444",
                    ["Hotline"] = new[] { "0800 123 4567" },
                    ["Modified_Time"] = "2025-05-20T10:00:00-03:00",
                },
            ],
            more: false);
        var sut = CreateSut(new()
        {
            ["ContactsModule"] = "",
            ["Fields:Plan"] = "Product_Edition",
            ["Fields:Status"] = "Customer_Status",
            ["Fields:SupportExpiry"] = "Support_Until",
            ["Fields:Domains"] = "Website, Email_Domains",
            ["Fields:AccountPhones"] = "Phone,Hotline",
        });

        var pages = await sut.Get<ZohoCrmSource>().ReadAllAsync();

        var account = Assert.Single(pages.SelectMany(p => p.Accounts));
        Assert.Equal("Enterprise", account.Plan);
        Assert.Equal("Active SaaS Trial", account.Status);
        Assert.Equal(DateTimeOffset.Parse("2025-07-01T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture), account.SupportExpiresAt);
        Assert.Equal(["acme.com.br", "acme.com", "acme.io"], account.EmailDomains);
        Assert.Equal(["+55 11 3333-4444", "0800 123 4567"], account.Phones);
        Assert.Equal(
            "Account_Name,Product_Edition,Customer_Status,Support_Until,Website,Email_Domains,Phone,Hotline,Modified_Time",
            Query(Assert.Single(zoho.RecordRequests("Accounts")), "fields"));
        Assert.Empty(zoho.RecordRequests("Contacts"));
        Assert.False(Assert.Single(pages).HasMore);
    }

    public void Dispose()
    {
        harness?.Dispose();
        zoho.Dispose();
    }

    private AdapterHarness CreateSut(Dictionary<string, string?>? settings = null) => harness = ZohoSettings.Harness(zoho, time, settings);

    private void StubTwoPagesEach() =>
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1,
                [
                    Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", website: "https://www.acme.com", phone: "+55 11 3333-4444", expiry: "2025-12-31"),
                    Account("a2", "Globex", "2025-05-21T09:30:00-03:00", plan: "Silver", website: "globex.com.br"),
                ],
                more: true)
            .Page("Accounts", 2, [Account("a3", "Initech", "2025-05-19T08:00:00-03:00", plan: null, type: "Potential Customer")], more: false)
            .Page("Contacts", 1,
                [
                    Contact("c1", "a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", email: "maria@acme.com", phone: "11 98888-7777"),
                    Contact("c2", "a2", "Globex", "2025-05-22T08:00:00+00:00", email: "joao@gmail.com", phone: "21 2222-1111", mobile: "11 97777-6666"),
                ],
                more: true,
                nextPageToken: "next-contacts-token")
            .Page("Contacts", 0, [Contact("c3", "a3", "Initech", "2025-05-19T08:00:00-03:00", email: "pat@initech.com")], more: false, pageToken: "next-contacts-token");

    private string Answer(List<DateTimeOffset> answeredAt, string body)
    {
        lock (answeredAt)
        {
            answeredAt.Add(time.GetUtcNow());
        }

        return body;
    }

    private static void AssertNoSecrets(string text)
    {
        Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RefreshToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondToken, text, StringComparison.Ordinal);
    }
}
