using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

/// <summary>One browser context on the dashboard, with locators for the table and the ticket view.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    public DashboardPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Uncaught script errors and console errors (CSP violations, failed loads).</summary>
    public List<string> Errors { get; } = [];

    public ILocator Rows => Page.Locator("#tickets tbody tr");

    public ILocator Panel => Page.Locator("#ticket");

    public ILocator KeyDialog => Page.Locator("#key-dialog");

    /// <summary>"Signed in as NAME (role)" in the top bar.</summary>
    public ILocator SignedIn => Page.Locator("#signed-in");

    public ILocator Search => Page.Locator("#search");

    /// <summary>A view of the side bar ("mine", "unassigned", "department:PaidSupport"; "" for all tickets).</summary>
    public ILocator View(string id) => Page.Locator($"#views .view-link[data-view='{id}']");

    public ILocator BulkBar => Page.Locator("#bulk");

    /// <summary>The reply text of the open ticket's reply box.</summary>
    public ILocator ReplyText => ReplyBox.GetByLabel("Message");

    /// <summary>The numbers of the rows shown, top to bottom.</summary>
    public Task<long[]> NumbersAsync() => Rows.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.number))");

    /// <summary>Types a search and presses Enter; waits until the URL carries it.</summary>
    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
        await Search.PressAsync("Enter");
        var withQuery = new System.Text.RegularExpressions.Regex("[?&]q=");
        if (text.Length == 0)
        {
            await Expect(Page).Not.ToHaveURLAsync(withQuery);
        }
        else
        {
            await Expect(Page).ToHaveURLAsync(withQuery);
        }
    }

    public ILocator Row(Ticket ticket) => Page.Locator($"#tickets tbody tr[data-number='{ticket.Number}']");

    public ILocator PanelSection(string name) => Panel.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The thread: customer messages, replies, internal notes, markers and folded system events.</summary>
    public ILocator Conversation => PanelSection("Conversation");

    /// <summary>The reply box (reply or internal note).</summary>
    public ILocator ReplyBox => ActionForm("Reply");

    /// <summary>Where the reply box says a reply goes, or why it cannot.</summary>
    public ILocator ReplyTarget => ReplyBox.Locator(".reply-target");

    public ILocator ActionForm(string name) => Panel.GetByRole(AriaRole.Form, new() { Name = name, Exact = true });

    public async Task EnterKeyAsync(string key)
    {
        await Expect(KeyDialog).ToBeVisibleAsync();
        await Page.Locator("#key-input").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Opens a ticket by clicking its subject in the table and waits for the view.</summary>
    public async Task OpenTicketAsync(Ticket ticket)
    {
        await Row(ticket).Locator("a.subject-link").ClickAsync();
        await Expect(Panel).ToHaveAttributeAsync("data-number", ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Types a reply in the open ticket's reply form and sends it; returns the form.</summary>
    public async Task<ILocator> ReplyAsync(string message)
    {
        var form = ActionForm("Reply");
        await form.GetByLabel("Message").FillAsync(message);
        await form.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        return form;
    }

    /// <summary>Switches the reply box to "Internal note", types the note and adds it; returns the form.</summary>
    public async Task<ILocator> AddNoteAsync(string text)
    {
        var form = ReplyBox;
        await form.GetByRole(AriaRole.Radio, new() { Name = "Internal note" }).CheckAsync();
        await form.GetByLabel("Message").FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        return form;
    }

    public async Task SelectFilterAsync(string name, string value) =>
        await Page.Locator($"#filters select[name='{name}']").SelectOptionAsync(value);

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(DashboardFixture.OutputFolder);
        var path = Path.Combine(DashboardFixture.OutputFolder, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
