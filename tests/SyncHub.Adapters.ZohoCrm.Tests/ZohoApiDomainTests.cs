using System.Net;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

/// <summary>CRM calls follow the token answer's <c>api_domain</c> (the account's data centre) unless BaseUrl is configured.</summary>
public sealed class ZohoApiDomainTests : IDisposable
{
    private readonly ZohoFake zoho = new();
    private readonly ZohoFake eu = new();
    private readonly FakeTimeProvider time = new(ZohoSettings.Now);
    private AdapterHarness? harness;

    [Fact]
    public async Task FetchAsync_TokenAnswerNamesAnotherApiDomain_CallsTheCrmThere()
    {
        zoho.ApiDomain = eu.Url;
        zoho.Tokens(FirstToken);
        eu.Page("Accounts", 1, [Account("a1", "Acme GmbH", "2025-05-20T10:00:00+02:00")], more: false)
            .Status("Contacts", 1, HttpStatusCode.NoContent);

        var pages = await CreateSut(new() { ["BaseUrl"] = null }).Get<ZohoCrmSource>().ReadAllAsync();

        Assert.Equal(["a1"], pages.SelectMany(p => p.Accounts).Select(a => a.CrmId));
        Assert.Single(eu.RecordRequests("Accounts"));
        Assert.Single(eu.RecordRequests("Contacts"));
        Assert.Empty(zoho.RecordRequests("Accounts"));
        Assert.Empty(zoho.RecordRequests("Contacts"));
        Assert.Single(zoho.TokenRequests());
        Assert.Empty(eu.TokenRequests());
        Assert.Contains(harness!.Logs.GetSnapshot(), r => r.Id.Id == 3012 && r.Message.Contains(eu.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_BaseUrlConfigured_WinsOverTheApiDomainAndWarns()
    {
        zoho.ApiDomain = eu.Url;
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme", "2025-05-20T10:00:00-03:00")], more: false)
            .Status("Contacts", 1, HttpStatusCode.NoContent);

        await CreateSut().Get<ZohoCrmSource>().ReadAllAsync();

        Assert.Single(zoho.RecordRequests("Accounts"));
        Assert.Empty(eu.RecordRequests("Accounts"));
        Assert.Contains(harness!.Logs.GetSnapshot(), r => r.Id.Id == 3004);
    }

    public void Dispose()
    {
        harness?.Dispose();
        zoho.Dispose();
        eu.Dispose();
    }

    private AdapterHarness CreateSut(Dictionary<string, string?>? settings = null) => harness = ZohoSettings.Harness(zoho, time, settings);
}
