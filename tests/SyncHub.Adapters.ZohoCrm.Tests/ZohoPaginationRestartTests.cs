using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>
/// When Zoho refuses to go on paging (page number past the 2,000-record limit, an expired or invalid page token),
/// the module's pass restarts from the committed watermark instead of failing every poll.
/// </summary>
public sealed class ZohoPaginationRestartTests : IDisposable
{
    private static readonly DateTimeOffset Watermark = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ZohoFake zoho = new();
    private readonly FakeTimeProvider time = new(ZohoSettings.Now);
    private AdapterHarness? harness;

    [Fact]
    public async Task FetchAsync_DiscretePaginationLimitExceeded_RestartsFromTheCommittedWatermark()
    {
        zoho.Tokens(FirstToken)
            .Error("Accounts", 11, HttpStatusCode.BadRequest, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                "You can only get the first 2000 records without using page_token param.", details: new() { ["limit"] = 2000 })
            .Page("Accounts", 1, [Account("a1", "Acme", "2025-05-20T10:00:00-03:00")], more: false);
        var sut = CreateSut().Get<ZohoCrmSource>();

        var restart = await sut.FetchAsync(Cursor(page: 11), CancellationToken.None);
        var reread = await sut.FetchAsync(restart.NextCursor, CancellationToken.None);

        Assert.Equal(0, restart.Count);
        Assert.True(restart.HasMore);
        Assert.Equal(["11", "1"], zoho.RecordRequests("Accounts").Select(r => Query(r, "page")));
        Assert.All(zoho.RecordRequests("Accounts"), r => Assert.Equal("2025-05-01T00:00:00+00:00", Header(r, "If-Modified-Since")));
        Assert.Equal(["a1"], reread.Accounts.Select(a => a.CrmId));
        Assert.Contains(harness!.Logs.GetSnapshot(), r => r.Id.Id == 3013 && r.Message.Contains("DISCRETE_PAGINATION_LIMIT_EXCEEDED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_DiscretePaginationLimitAgainAfterARestart_FailsNamingApiVersion()
    {
        zoho.Tokens(FirstToken)
            .Error("Accounts", 11, HttpStatusCode.BadRequest, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                "You can only get the first 2000 records without using page_token param.", details: new() { ["limit"] = 2000 });
        var sut = CreateSut().Get<ZohoCrmSource>();

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => sut.FetchAsync(Cursor(page: 11, restarted: true), CancellationToken.None));

        Assert.Equal("DISCRETE_PAGINATION_LIMIT_EXCEEDED", error.Code);
        Assert.Contains("SyncHub:Adapters:ZohoCrm:ApiVersion", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EXPIRED_VALUE", "the given page token has expired")]
    [InlineData("INVALID_DATA", "invalid data")]
    public async Task FetchAsync_PageTokenRefused_RestartsFromTheCommittedWatermark(string code, string message)
    {
        zoho.Tokens(FirstToken)
            .Error("Accounts", 0, HttpStatusCode.BadRequest, code, message, pageToken: "stale", details: new() { ["param_name"] = "page_token" })
            .Page("Accounts", 1, [Account("a1", "Acme", "2025-05-20T10:00:00-03:00")], more: false);
        var sut = CreateSut().Get<ZohoCrmSource>();

        var restart = await sut.FetchAsync(Cursor(page: 12, pageToken: "stale"), CancellationToken.None);
        var reread = await sut.FetchAsync(restart.NextCursor, CancellationToken.None);

        Assert.True(restart.HasMore);
        Assert.Equal([null, "1"], zoho.RecordRequests("Accounts").Select(r => Query(r, "page")));
        Assert.Equal("2025-05-01T00:00:00+00:00", Header(zoho.RecordRequests("Accounts")[1], "If-Modified-Since"));
        Assert.Equal(["a1"], reread.Accounts.Select(a => a.CrmId));
        Assert.Contains(harness!.Logs.GetSnapshot(), r => r.Id.Id == 3009 && r.Message.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_InvalidDataOnAnotherParameter_StillFails()
    {
        zoho.Tokens(FirstToken)
            .Error("Accounts", 0, HttpStatusCode.BadRequest, "INVALID_DATA", "invalid data", pageToken: "tok", details: new() { ["param_name"] = "fields" });

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => CreateSut().Get<ZohoCrmSource>().FetchAsync(Cursor(page: 2, pageToken: "tok"), CancellationToken.None));

        Assert.Equal(("INVALID_DATA", "fields"), (error.Code, error.ParamName));
    }

    public void Dispose()
    {
        harness?.Dispose();
        zoho.Dispose();
    }

    /// <summary>A committed cursor part-way through the Accounts pass, both modules watermarked at <see cref="Watermark"/>.</summary>
    private static string Cursor(int page, string? pageToken = null, bool restarted = false) =>
        new ZohoCursor(
            "Accounts",
            page,
            pageToken,
            ZohoSettings.Now.AddMinutes(-30),
            DateTimeOffset.Parse("2025-05-10T00:00:00Z", CultureInfo.InvariantCulture),
            new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { ["Accounts"] = Watermark, ["Contacts"] = Watermark })
        {
            Restarted = restarted,
        }.ToString();

    private AdapterHarness CreateSut() => harness = ZohoSettings.Harness(zoho, time, new Dictionary<string, string?> { ["ContactsModule"] = "" });
}
