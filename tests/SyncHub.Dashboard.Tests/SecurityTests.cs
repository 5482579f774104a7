using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SyncHub.Domain;
using static Microsoft.Playwright.Assertions;

namespace SyncHub.Dashboard.Tests;

public sealed partial class SecurityTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string ScriptSubject = "<script>window.__pwned=1</script>";
    private const string ImgBody = "<img src=x onerror=\"window.__pwned=1\">";

    private static readonly string[] Assets = ["/", "/dashboard/app.css", "/dashboard/js/main.js", "/dashboard/js/dom.js", "/dashboard/js/table.js", "/dashboard/js/ticket-view.js", "/dashboard/js/forms.js", "/dashboard/js/api.js", "/dashboard/js/auth.js", "/dashboard/js/sla.js", "/dashboard/js/icons.js", "/dashboard/js/format.js", "/dashboard/js/sla-view.js", "/dashboard/js/thread.js", "/dashboard/js/composer.js", "/dashboard/js/session.js", "/dashboard/js/views.js", "/dashboard/js/bulk.js", "/dashboard/js/keyboard.js", "/dashboard/js/canned-admin.js", "/dashboard/js/checklist.js"];

    private DashboardHub Hub => fixture.Hub;

    [Fact]
    public async Task TicketWithMarkup_SubjectBodyAndDiagnostics_AreShownAsTextAndNeverRun()
    {
        var web = await Hub.SubmitFormAsync(ScriptSubject, ImgBody, name: "<img src=x onerror=\"window.__pwned=1\">");
        var internalRequest = await Hub.CreateInternalAsync(ImgBody, ScriptSubject);
        var review = await Hub.IntakeAsync(Channel.AppReview, "AppFollow", "Review with links", "<svg onload=\"window.__pwned=1\">", new Requester(Handle: "x"),
            diagnostics: new Dictionary<string, string> { ["<b onmouseover=\"window.__pwned=1\">key</b>"] = "javascript:window.__pwned=1", ["device"] = "<iframe src=\"javascript:window.__pwned=1\">" });
        await using var dashboard = await fixture.OpenAsync();

        await Expect(dashboard.Row(web).GetByText(ScriptSubject, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(dashboard.Row(internalRequest).GetByText(ImgBody, new() { Exact = true })).ToBeVisibleAsync();
        await dashboard.OpenTicketAsync(web);
        await Expect(dashboard.Panel.Locator("#ticket-title")).ToHaveTextAsync(ScriptSubject);
        await Expect(dashboard.Conversation.Locator("[data-type='created'] blockquote")).ToHaveTextAsync(ImgBody);

        // A reply and an internal note whose text is markup go through the UI, the API and back into the thread as text.
        await dashboard.ReplyAsync(ImgBody);
        await Expect(dashboard.Conversation.Locator("[data-type='reply'] blockquote")).ToHaveTextAsync(ImgBody);
        await dashboard.AddNoteAsync(ScriptSubject);
        await Expect(dashboard.Conversation.Locator("[data-type='internal-note'] blockquote")).ToHaveTextAsync(ScriptSubject);

        // A customer's follow-up and a failed delivery's reason are text too.
        var threadKey = $"markup-{Guid.NewGuid():N}";
        var mail = await Hub.IntakeAsync(Channel.Email, "Email", "Markup thread", "First message.", new Requester(Email: "ana@acme.example"), threadKey: threadKey);
        await Hub.IntakeAsync(Channel.Email, "Email", ScriptSubject, ImgBody, new Requester(Name: ScriptSubject, Email: "ana@acme.example"), threadKey: threadKey);
        Hub.Replies.Refuse("Hello (refused)", ScriptSubject);
        using (var reply = await Hub.SendAsync(HttpMethod.Post, $"/api/tickets/{mail.Id}/reply", new { message = "Hello (refused)" }))
        {
            reply.EnsureSuccessStatusCode();
        }

        await dashboard.OpenTicketAsync(mail);
        await Expect(dashboard.Conversation.Locator("[data-type='threaded'] blockquote")).ToHaveTextAsync(ImgBody);
        await Expect(dashboard.Conversation.Locator("[data-type='threaded']")).ToContainTextAsync(ScriptSubject);
        await Expect(dashboard.Conversation.Locator("[data-type='reply'] .delivery-reason")).ToContainTextAsync(ScriptSubject);

        await dashboard.OpenTicketAsync(internalRequest);
        await Expect(dashboard.Panel.Locator("#ticket-title")).ToHaveTextAsync(ImgBody);
        await dashboard.OpenTicketAsync(review);
        var diagnostics = dashboard.PanelSection("Diagnostics");
        await Expect(diagnostics).ToContainTextAsync("javascript:window.__pwned=1");
        await Expect(diagnostics).ToContainTextAsync("<iframe src=\"javascript:window.__pwned=1\">");
        await Expect(diagnostics.Locator("a")).ToHaveCountAsync(0);

        Assert.Equal("undefined", await dashboard.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await Expect(dashboard.Page.Locator("main img, main iframe, main script, main b, #tickets svg[onload], #ticket svg[onload]")).ToHaveCountAsync(0);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task ApiKeyPrompt_WrongKey_IsRefusedAndAskedAgain()
    {
        var ticket = await Hub.CreateInternalAsync("Key prompt: visible after the right key", "Body.");
        await using var dashboard = await fixture.OpenAsync(enterKey: false);

        await dashboard.EnterKeyAsync("not-the-key");

        await Expect(dashboard.KeyDialog).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#key-message")).ToContainTextAsync("refused");
        await Expect(dashboard.Row(ticket)).ToHaveCountAsync(0);
        Assert.Null(await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('synchub.apiKey')"));

        await dashboard.EnterKeyAsync(DashboardHub.ApiKey);

        await Expect(dashboard.KeyDialog).ToBeHiddenAsync();
        await Expect(dashboard.Row(ticket)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ApiKey_KeptInSessionStorage_ReloadDoesNotAskAndCallsSendTheHeader()
    {
        await using var dashboard = await fixture.OpenAsync();
        Assert.Equal(DashboardHub.ApiKey, await dashboard.Page.EvaluateAsync<string>("() => sessionStorage.getItem('synchub.apiKey')"));

        var request = dashboard.Page.WaitForRequestAsync(new Regex("/api/tickets\\?"));
        await dashboard.Page.ReloadAsync();

        Assert.Equal(DashboardHub.ApiKey, (await (await request).AllHeadersAsync())["x-api-key"]);
        await Expect(dashboard.Page.Locator("#live")).ToContainTextAsync("Live");
        await Expect(dashboard.KeyDialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ApiKey_StoredKeyRevoked_AsksAgain()
    {
        await using var dashboard = await fixture.OpenAsync();

        await dashboard.Page.EvaluateAsync("() => sessionStorage.setItem('synchub.apiKey', 'revoked-key')");

        await Expect(dashboard.KeyDialog).ToBeVisibleAsync();
        await Expect(dashboard.Page.Locator("#key-message")).ToContainTextAsync("refused");
        await Expect(dashboard.Page.Locator("#live")).Not.ToContainTextAsync("Offline");
    }

    [Fact]
    public async Task StaticPage_WithoutApiKey_IsServedWithStrictHeaders()
    {
        foreach (var path in Assets)
        {
            using var response = await Hub.Client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
                string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(
                Path.GetExtension(path) switch { ".css" => "text/css", ".js" => "text/javascript", _ => "text/html" },
                response.Content.Headers.ContentType!.MediaType);
        }

        using var api = await Hub.Client.GetAsync("/api/tickets");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var missing = await Hub.Client.GetAsync("/dashboard/js/missing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task StaticPage_SameETag_Answers304()
    {
        using var first = await Hub.Client.GetAsync("/dashboard/js/main.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/js/main.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await Hub.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Scripts_BuildTheDom_WithoutHtmlParsingOrInlineCode()
    {
        foreach (var path in Assets)
        {
            var text = await Hub.Client.GetStringAsync(path);
            if (path.EndsWith(".js", StringComparison.Ordinal))
            {
                Assert.DoesNotMatch(HtmlSinks(), text);
            }
            else if (path == "/")
            {
                Assert.DoesNotMatch(InlineCode(), text);
            }
        }
    }

    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment|DOMParser")]
    private static partial Regex HtmlSinks();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|javascript:|<style|style=")]
    private static partial Regex InlineCode();
}
