using Microsoft.Playwright;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// One hub and one headless Debian chromium per test class; each test opens its own browser context (fresh
/// sessionStorage, so the API-key prompt shows).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private DashboardHub? hub;

    static DashboardFixture() => Assertions.SetDefaultExpectTimeout(15_000);

    internal DashboardHub Hub => hub ?? throw new InvalidOperationException("The fixture is not started");

    internal IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not started");

    /// <summary>Screenshots go to TestResults/ beside the test assembly.</summary>
    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The dashboard tests drive Debian's chromium at {ChromiumPath}, which is not installed. " +
                "Install it with `apt-get install -y chromium fonts-liberation` (Playwright's own browser download is not used).");
        }

        hub = await DashboardHub.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Opens the dashboard (polling every half second) and, unless told not to, signs in with <paramref name="key"/> (the
    /// service key unless an agent's key is given).
    /// </summary>
    internal async Task<DashboardPage> OpenAsync(string query = "", string? hash = null, bool enterKey = true, string key = DashboardHub.ApiKey, int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Hub.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "America/Sao_Paulo",
        });
        context.SetDefaultTimeout(15_000);
        var page = new DashboardPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync($"/?poll=500{(query.Length > 0 ? "&" + query : "")}{hash}");
        if (enterKey)
        {
            await page.EnterKeyAsync(key);
            await Assertions.Expect(page.Page.Locator("#live")).ToContainTextAsync("Live");
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }
}
