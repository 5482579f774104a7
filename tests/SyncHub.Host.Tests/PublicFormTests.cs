using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncHub.Host.Tests;

/// <summary>
/// The web form's public mode as a browser uses it: a plain HTML form or a script on the company website posts to
/// <c>/api/public/web</c> without a token; origins, bots and floods are kept out; <c>/support</c> is the hosted form.
/// </summary>
public sealed partial class PublicFormTests
{
    private const string Website = "https://www.example.com";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(HubServer Hub, FakeTimeProvider Clock)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Now);
        var all = new Dictionary<string, string?>
        {
            ["SyncHub:Adapters:WebForm:Public:Enabled"] = "true",
            ["SyncHub:Adapters:WebForm:Public:AllowedOrigins:0"] = Website,
            ["SyncHub:Adapters:WebForm:Public:ThankYouUrl"] = Website + "/thanks?ticket={number}",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var hub = await HubServer.StartAsync(all, services => services.AddSingleton<TimeProvider>(clock));
        return (hub, clock);
    }

    /// <summary>The hosted form's token, as a page shows it now; the clock then moves past the least fill time.</summary>
    private static async Task<string> ShowFormAsync(HubServer hub, FakeTimeProvider clock, TimeSpan? fillTime = null)
    {
        var page = await hub.Client.GetStringAsync("/support");
        clock.Advance(fillTime ?? TimeSpan.FromSeconds(20));
        return TokenPattern().Match(page).Groups[1].Value;
    }

    private static Dictionary<string, string> Fields(string token, string email = "ana@example.com") => new()
    {
        ["name"] = "Ana Souza",
        ["email"] = email,
        ["subject"] = "Cannot log in",
        ["description"] = "The desktop app says my password is wrong.",
        ["priority"] = "High",
        ["product"] = "Rocket.Chat Cloud",
        ["clientVersion"] = "6.4.1",
        ["website"] = "",
        ["formToken"] = token,
    };

    private static HttpRequestMessage Post(HttpContent content, string? origin = Website, bool json = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/web") { Content = content };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (json)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return request;
    }

    private static async Task<IReadOnlyList<Ticket>> TicketsAsync(HubServer hub) =>
        (await hub.App.Services.GetRequiredService<ITicketStore>().ListAsync(new TicketQuery())).Items;

    [Fact]
    public async Task PlainHtmlFormFromAnAllowedOrigin_Creates_ATicketAndRedirects303ToTheThankYouPageWithItsNumber()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock);

        using var browser = NoRedirects(hub);
        using var response = await browser.SendAsync(Post(new FormUrlEncodedContent(Fields(token))));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var summary = Assert.Single(await TicketsAsync(hub));
        Assert.Equal($"{Website}/thanks?ticket={summary.Number}", response.Headers.Location!.OriginalString);
        var ticket = await hub.TicketAsync(summary.Id);
        Assert.Equal((Channel.Web, "Ana Souza", "ana@example.com", Priority.High), (ticket.Channel, ticket.Requester.Name, ticket.Requester.Email, ticket.Priority));
        Assert.Equal(("Cannot log in", "The desktop app says my password is wrong."), (ticket.Subject, ticket.Body));
        Assert.Equal(("6.4.1", "Rocket.Chat Cloud", Website), (ticket.Diagnostics["clientVersion"], ticket.Diagnostics["product"], ticket.Diagnostics["formOrigin"]));
    }

    [Fact]
    public async Task MultipartFromAScriptAskingForJson_Gets201WithTheNumberAndTheCorsHeader()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(token))
        {
            multipart.Add(new StringContent(value), name);
        }

        multipart.Add(new ByteArrayContent("not kept"u8.ToArray()), "attachment", "notes.txt");

        using var response = await hub.Client.SendAsync(Post(multipart, json: true));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Website, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = await hub.JsonAsync(response);
        Assert.Equal(Assert.Single(await TicketsAsync(hub)).Number, body.GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task JsonBodyWithoutToken_FromTheHubsOwnPage_IsRefusedNamingFormTokenThenAcceptedWithIt()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        var fields = Fields("");
        fields.Remove("formToken");

        using var refused = await hub.Client.SendAsync(Post(JsonContent(fields), origin: hub.BaseAddress.GetLeftPart(UriPartial.Authority)));
        fields["formToken"] = await ShowFormAsync(hub, clock);
        using var accepted = await hub.Client.SendAsync(Post(JsonContent(fields), origin: hub.BaseAddress.GetLeftPart(UriPartial.Authority)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("formToken", (await hub.JsonAsync(refused)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_IsAnsweredAndFromAnotherOriginGetsNoCorsHeaders()
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;

        using var allowed = await hub.Client.SendAsync(Preflight(Website));
        using var other = await hub.Client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(Website, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        static HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/public/web");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return request;
        }
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://www.example.com.evil.example")]
    [InlineData(null)]
    public async Task PostFromAnotherOriginOrNone_Is403AndCreatesNothing(string? origin)
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock);

        using var response = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(Fields(token)), origin, json: true));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Origin", (await hub.JsonAsync(response)).GetProperty("field").GetString());
        Assert.Empty(await TicketsAsync(hub));
    }

    [Fact]
    public async Task HoneypotFilled_CreatesNothingButAnswersLikeASuccess()
    {
        var (hub, clock) = await StartAsync(new() { ["SyncHub:Adapters:WebForm:Public:ThankYouUrl"] = "" });
        await using var _ = hub;
        var fields = Fields(await ShowFormAsync(hub, clock));
        fields["website"] = "https://cheap-pills.example";

        using var browser = NoRedirects(hub);
        using var response = await browser.SendAsync(Post(new FormUrlEncodedContent(fields)));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/support/thanks", response.Headers.Location!.OriginalString);
        Assert.Empty(await TicketsAsync(hub));
    }

    [Fact]
    public async Task FastFill_IsRefusedNamingTheFormAndCreatesNothing_ForgedTokenToo()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock, fillTime: TimeSpan.FromSeconds(1));
        var forged = $"{Now.AddMinutes(-5).ToUnixTimeMilliseconds()}.{token.Split('.')[1]}";

        using var fast = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(Fields(token)), json: true));
        using var fake = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(Fields(forged)), json: true));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (fast.StatusCode, fake.StatusCode));
        Assert.Contains("too quickly", (await hub.JsonAsync(fast)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("formToken", (await hub.JsonAsync(fake)).GetProperty("field").GetString());
        Assert.Empty(await TicketsAsync(hub));
    }

    [Fact]
    public async Task RefusedPlainHtmlPost_GetsAReadablePageNamingTheProblem()
    {
        var (hub, clock) = await StartAsync();
        await using var _ = hub;
        var fields = Fields(await ShowFormAsync(hub, clock));
        fields["email"] = "not an address";

        using var response = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(fields)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("email: must be an e-mail address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FloodFromOneAddress_Gets429WithRetryAfter()
    {
        var (hub, clock) = await StartAsync(new()
        {
            ["SyncHub:Adapters:WebForm:Public:PerAddress:PermitLimit"] = "3",
            ["SyncHub:Adapters:WebForm:Public:PerAddress:Window"] = "00:10:00",
        });
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(Fields(token, $"person{i}@example.com")), json: true));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal(3, (await TicketsAsync(hub)).Count);
        last.Dispose();
    }

    [Fact]
    public async Task FloodFromOneEmail_Gets429WithRetryAfterWhileOthersStillGetThrough()
    {
        var (hub, clock) = await StartAsync(new()
        {
            ["SyncHub:Adapters:WebForm:Public:PerEmail:PermitLimit"] = "2",
            ["SyncHub:Adapters:WebForm:Public:PerEmail:Window"] = "01:00:00",
        });
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock);
        var statuses = new List<HttpStatusCode>();
        foreach (var (email, subject) in new[] { ("ana@example.com", "a"), ("ANA@example.com", "b"), ("ana@example.com", "c"), ("bo@example.com", "d") })
        {
            var fields = Fields(token, email);
            fields["subject"] = subject;
            using var response = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(fields), json: true));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter!.Delta > TimeSpan.FromMinutes(1));
                Assert.Equal("request", (await hub.JsonAsync(response)).GetProperty("field").GetString());
            }
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.Created], statuses);
    }

    [Fact]
    public async Task Captcha_IsCheckedWithSiteverify_PassedStoresFailedAndMissingAreRefusedServiceDownIs503()
    {
        using var verify = WireMockServer.Start();
        verify.Given(Request.Create().WithPath("/siteverify").UsingPost().WithBody(b => b!.Contains("response=good", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"success":true,"challenge_ts":"2026-12-07T09:00:00Z","hostname":"www.example.com"}"""));
        verify.Given(Request.Create().WithPath("/siteverify").UsingPost().WithBody(b => b!.Contains("response=bad", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"success":false,"error-codes":["invalid-input-response"]}"""));
        verify.Given(Request.Create().WithPath("/siteverify").UsingPost().WithBody(b => b!.Contains("response=down", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithStatusCode(500));
        var (hub, clock) = await StartAsync(new()
        {
            ["SyncHub:Adapters:WebForm:Public:Captcha:VerifyUrl"] = verify.Url + "/siteverify",
            ["SyncHub:Adapters:WebForm:Public:Captcha:Secret"] = "0x-captcha-secret",
            ["SyncHub:Adapters:WebForm:Public:Captcha:SiteKey"] = "site-key-1",
        });
        await using var _ = hub;
        var token = await ShowFormAsync(hub, clock);

        async Task<HttpResponseMessage> SendAsync(string? answer, string subject)
        {
            var fields = Fields(token);
            fields["subject"] = subject;
            if (answer is not null)
            {
                fields["h-captcha-response"] = answer;
            }

            return await hub.Client.SendAsync(Post(new FormUrlEncodedContent(fields), json: true));
        }

        using var passed = await SendAsync("good", "passed");
        using var failed = await SendAsync("bad", "failed");
        using var missing = await SendAsync(null, "missing");
        using var down = await SendAsync("down", "down");

        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.ServiceUnavailable),
            (passed.StatusCode, failed.StatusCode, missing.StatusCode, down.StatusCode));
        Assert.Contains("invalid-input-response", (await hub.JsonAsync(failed)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("h-captcha-response", (await hub.JsonAsync(missing)).GetProperty("field").GetString());
        Assert.Equal(["passed"], (await TicketsAsync(hub)).Select(t => t.Subject));
        var sent = verify.LogEntries.Select(e => e.RequestMessage.Body!).First(b => b.Contains("response=good", StringComparison.Ordinal));
        Assert.Contains("secret=0x-captcha-secret", sent, StringComparison.Ordinal);
        Assert.Contains("remoteip=127.0.0.1", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportPage_ShowsTheFormWithPriorityExamplesTokenAndHoneypot_BrandingIsEncoded()
    {
        var (hub, _) = await StartAsync(new()
        {
            ["SyncHub:Adapters:WebForm:Public:Portal:CompanyName"] = "<script>alert(1)</script>",
            ["SyncHub:Adapters:WebForm:Public:Portal:Products:0"] = "Rocket.Chat Cloud",
        });
        await using var _ = hub;

        using var response = await hub.Client.GetAsync("/support");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("action=\"/api/public/web\"", html, StringComparison.Ordinal);
        foreach (var field in new[] { "name=\"name\"", "name=\"email\"", "name=\"subject\"", "name=\"description\"", "name=\"product\"", "name=\"clientVersion\"", "name=\"website\"", "name=\"formToken\"" })
        {
            Assert.Contains(field, html, StringComparison.Ordinal);
        }

        Assert.Contains("system down, main functions affected", html, StringComparison.Ordinal);
        Assert.Contains("minor bugs, simple questions", html, StringComparison.Ordinal);
        Assert.Contains("<option>Rocket.Chat Cloud</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicModeOff_SupportAndThePublicRouteAre404_TheBearerRelayStillWorks()
    {
        await using var hub = await HubServer.StartAsync();

        using var page = await hub.Client.GetAsync("/support");
        using var post = await hub.Client.SendAsync(Post(new FormUrlEncodedContent(Fields("x"))));
        using var relay = await hub.Client.SendAsync(hub.Form(Forms.Valid()));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Created), (page.StatusCode, post.StatusCode, relay.StatusCode));
    }

    [Fact]
    public async Task WebFormAdapterOff_PublicRoutesAre404AndEveryOtherRouteStillWorks()
    {
        await using var hub = await HubServer.StartAsync(new() { ["SyncHub:Adapters:WebForm:Enabled"] = "false" });

        using var token = await hub.Client.GetAsync("/api/public/web/form-token");
        using var page = await hub.Client.GetAsync("/support");
        using var list = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (token.StatusCode, page.StatusCode, list.StatusCode));
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAna\r\n--ab")]
    [InlineData("multipart/form-data", "--abc\r\n\r\n")]
    [InlineData("application/json", "{\"name\":")]
    [InlineData("text/plain", "name=Ana")]
    public async Task MalformedBody_Is400NamingWhatIsWrongNever500(string contentType, string body)
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await hub.Client.SendAsync(Post(content, json: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await hub.JsonAsync(response)).TryGetProperty("field", out _));
    }

    [Theory]
    [InlineData("SyncHub:Adapters:WebForm:Public:AllowedOrigins:0", "https://www.example.com/contact", "SyncHub:Adapters:WebForm:Public:AllowedOrigins")]
    [InlineData("SyncHub:Adapters:WebForm:Public:Captcha:VerifyUrl", "https://api.hcaptcha.com/siteverify", "SyncHub:Adapters:WebForm:Public:Captcha:Secret")]
    [InlineData("SyncHub:Adapters:WebForm:Public:Portal:AccentColor", "red;}body{display:none", "SyncHub:Adapters:WebForm:Public:Portal:AccentColor")]
    public async Task Start_BadPublicSetting_FailsNamingTheKey(string key, string value, string named)
    {
        await using var app = HubServer.Build(new() { ["SyncHub:Adapters:WebForm:Public:Enabled"] = "true", [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A client that shows the 303 itself instead of following it (to a website outside the test).</summary>
    private static HttpClient NoRedirects(HubServer hub) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress };

    private static StringContent JsonContent(Dictionary<string, string> fields) =>
        new(System.Text.Json.JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json");

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
