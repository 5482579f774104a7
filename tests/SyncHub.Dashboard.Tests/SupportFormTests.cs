using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SyncHub.Domain;
using SyncHub.Host.Tests;
using SyncHub.Storage;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// The public web form in a real browser: the hosted <c>/support</c> page with scripts turned off, and a company website
/// on another origin posting to the hub with <c>fetch</c>, allowed or not.
/// </summary>
public sealed class SupportFormTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private HubServer? hub;
    private WebApplication? websites;
    private string website = "";
    private string elsewhere = "";
    private IPlaywright? playwright;
    private IBrowser? browser;

    private HubServer Hub => hub!;

    public async Task InitializeAsync()
    {
        // Two company websites on loopback ports (two origins): the first is allowed to post the form, the second is not.
        var sites = WebApplication.CreateSlimBuilder();
        sites.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.2:0");
        websites = sites.Build();
        websites.MapGet("/contact", () => Results.Content("<!doctype html><title>Company website</title>", "text/html"));
        await websites.StartAsync();
        (website, elsewhere) = (websites.Urls.First(u => u.Contains("127.0.0.1", StringComparison.Ordinal)), websites.Urls.First(u => u.Contains("127.0.0.2", StringComparison.Ordinal)));
        hub = await HubServer.StartAsync(
            new()
            {
                ["SyncHub:Adapters:WebForm:Public:Enabled"] = "true",
                ["SyncHub:Adapters:WebForm:Public:AllowedOrigins:0"] = website,
                ["SyncHub:Adapters:WebForm:Public:Portal:CompanyName"] = "Acme Support",
                ["SyncHub:Adapters:WebForm:Public:Portal:Title"] = "Ask Acme",
                ["SyncHub:Adapters:WebForm:Public:Portal:Products:0"] = "Acme Cloud",
                ["SyncHub:Adapters:WebForm:Public:Portal:Products:1"] = "Acme Desktop",
            },
            services => services.AddSingleton<TimeProvider>(clock));
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    [Fact]
    public async Task HostedForm_WithoutJavaScript_SendsTheRequestAndShowsItsTicketNumber()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, BaseURL = Hub.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/support");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ask Acme");
        await page.GetByLabel("Your name").FillAsync("Ana Souza");
        await page.GetByLabel("E-mail address").FillAsync("ana@example.com");
        await page.GetByLabel("Subject").FillAsync("Sync stopped");
        await page.GetByLabel("What happened?").FillAsync("Since this morning nothing syncs; the log says 401.");
        await page.GetByText("system down, main functions affected").ClickAsync();
        await page.GetByLabel("Product").SelectOptionAsync("Acme Desktop");
        await page.GetByLabel("Version you use").FillAsync("6.4.1");
        clock.Advance(TimeSpan.FromSeconds(30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/support/thanks\\?ticket=\\d+$"));
        var ticket = Assert.Single((await Hub.App.Services.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery())).Items);
        await Expect(page.Locator(".done")).ToContainTextAsync($"ticket #{ticket.Number}");
        Assert.Equal(
            ("Sync stopped", Priority.High, "ana@example.com", "Acme Desktop", "6.4.1"),
            (ticket.Subject, ticket.Priority, ticket.Requester.Email, ticket.Diagnostics["product"], ticket.Diagnostics["clientVersion"]));
        await context.CloseAsync();
    }

    [Fact]
    public async Task CompanyWebsite_OnAnAllowedOriginPostsWithFetch_OtherOriginsAreRefusedByTheBrowserAndTheHub()
    {
        var context = await browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        const string TakeToken = "async hub => (await (await fetch(hub + '/api/public/web/form-token')).json()).token";
        const string Submit = """
            async ([hub, token, email, contentType]) => {
              const fields = { name: 'Bo', email, subject: 'From the website', message: 'Hello', formToken: token };
              try {
                const response = await fetch(hub + '/api/public/web', {
                  method: 'POST',
                  headers: { 'Content-Type': contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
                  body: contentType === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
                });
                return response.status + ' ' + (await response.text());
              } catch (e) {
                return 'blocked: ' + e.name;
              }
            }
            """;
        var hubUrl = Hub.BaseAddress.ToString().TrimEnd('/');

        await page.GotoAsync(website + "/contact");
        var token = await page.EvaluateAsync<string>(TakeToken, hubUrl);
        clock.Advance(TimeSpan.FromSeconds(30));
        var allowed = await page.EvaluateAsync<string>(Submit, new object[] { hubUrl, token, "bo@example.com", "json" });
        await page.GotoAsync(elsewhere + "/contact");
        var tokenElsewhere = await page.EvaluateAsync<string>($"async hub => {{ try {{ return await ({TakeToken})(hub); }} catch (e) {{ return 'blocked: ' + e.name; }} }}", hubUrl);
        var preflighted = await page.EvaluateAsync<string>(Submit, new object[] { hubUrl, token, "eve@example.com", "json" });
        var simple = await page.EvaluateAsync<string>(Submit, new object[] { hubUrl, token, "eve@example.com", "form" });

        Assert.Equal("blocked: TypeError", tokenElsewhere);
        Assert.StartsWith("201 ", allowed, StringComparison.Ordinal);
        Assert.Equal("blocked: TypeError", preflighted);
        Assert.Equal("blocked: TypeError", simple);
        var tickets = (await Hub.App.Services.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery())).Items;
        Assert.Equal(["bo@example.com"], tickets.Select(t => t.Requester.Email));
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (websites is not null)
        {
            await websites.DisposeAsync();
        }

        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }
}
