using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

/// <summary>
/// The API described: <c>/openapi/v1.json</c> names every route of the README's table, its auth schemes, and the answers
/// the hub really gives; the interactive reference (<c>/scalar</c>) exists in Development only, under its own CSP.
/// </summary>
public sealed partial class ApiReferenceTests
{
    [Fact]
    public async Task Document_DescribesEveryRouteOfTheReadmeTable()
    {
        await using var hub = await HubServer.StartAsync();
        var paths = (await DocumentAsync(hub)).GetProperty("paths");

        var routes = ReadmeRoutes();
        Assert.True(routes.Count >= 20, $"the README's HTTP API table gave only {routes.Count} routes");
        var missing = routes.Where(r => !paths.TryGetProperty(r.Path, out var item) || !item.TryGetProperty(r.Method.ToLowerInvariant(), out _)).ToList();
        Assert.True(missing.Count == 0, "not in /openapi/v1.json: " + string.Join(", ", missing.Select(r => $"{r.Method} {r.Path}")));
    }

    [Fact]
    public async Task Document_IsPublicAndNamesTheAuthSchemesOfEachRoute()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("http", schemes.GetProperty("FormToken").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("FormToken").GetProperty("scheme").GetString());

        var ticketOperations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/tickets", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name} {p.Name}", Operation: o.Value)))
            .ToList();
        Assert.True(ticketOperations.Count >= 9);
        Assert.All(ticketOperations, o => Assert.Equal(["ApiKey"], Schemes(o.Operation)));
        Assert.Equal(["FormToken"], Schemes(Operation(document, "/api/intake/web", "post")));
        Assert.Empty(Schemes(Operation(document, "/health/ready", "get")));

        // What the document says the key guards, the hub guards.
        using var withoutKey = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets", key: null));
        await AssertDocumentedAsync(document, "/api/tickets", "get", withoutKey);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    [Fact]
    public async Task Document_IntakeAnswersAreTheRealAnswers()
    {
        await using var hub = await HubServer.StartAsync(new() { ["SyncHub:Pipeline:MaxBodyBytes"] = "4096" });
        var document = await DocumentAsync(hub);

        var answers = new List<HttpResponseMessage>
        {
            await hub.Client.SendAsync(hub.Form(Forms.Valid("doc-1"))),
            await hub.Client.SendAsync(hub.Form(Forms.Valid("doc-1"))),
            await hub.Client.SendAsync(hub.Form(Forms.Without("email"))),
            await hub.Client.SendAsync(hub.Form(Forms.Valid("doc-2"), "wrong-token")),
            await hub.Client.SendAsync(hub.Form(Forms.With("message", new string('a', 10_000)))),
        };

        await using var down = await HubServer.StartAsync(services: s => s.AddSingleton<ITicketStore>(new GatedTicketStore { Down = true }));
        answers.Add(await down.Client.SendAsync(down.Form(Forms.Valid("doc-3"))));

        Assert.Equal([201, 200, 400, 401, 413, 503], answers.Select(a => (int)a.StatusCode));
        foreach (var answer in answers)
        {
            await AssertDocumentedAsync(document, "/api/intake/web", "post", answer);
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Document_WorkflowAnswersAreTheRealAnswers()
    {
        await using var hub = await HubServer.StartAsync();
        var document = await DocumentAsync(hub);
        using var created = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new { subject = "Printer", message = "It jams.", agent = "ana" }));
        await AssertDocumentedAsync(document, "/api/tickets", "post", created);
        var id = (await hub.JsonAsync(created)).GetProperty("id").GetString();

        using var noted = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/note", new { text = "called back" }));
        using var badStatus = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Lost" }));
        using var noTicket = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets/999999/status", new { status = "Solved" }));
        using var tooEarly = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/follow-up", new { documentation = "Improve", bug = "None", feature = "None" }));
        using var read = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets/{id}"));

        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noTicket.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        await AssertDocumentedAsync(document, "/api/tickets/{id}/note", "post", noted);
        await AssertDocumentedAsync(document, "/api/tickets/{id}/status", "post", badStatus);
        await AssertDocumentedAsync(document, "/api/tickets/{id}/status", "post", noTicket);
        await AssertDocumentedAsync(document, "/api/tickets/{id}/follow-up", "post", tooEarly);
        await AssertDocumentedAsync(document, "/api/tickets/{id}", "get", read);

        // The answer's shape is the documented one: every property the ticket answer has is one the Ticket schema declares.
        var ticket = await hub.JsonAsync(read);
        var declared = document.GetProperty("components").GetProperty("schemas").GetProperty("Ticket").GetProperty("properties");
        Assert.All(ticket.EnumerateObject(), p => Assert.True(declared.TryGetProperty(p.Name, out _), $"the Ticket schema does not declare {p.Name}"));
        Assert.True(declared.TryGetProperty("history", out _));
    }

    [Fact]
    public async Task ReferencePage_AnswersInDevelopmentWithItsOwnPolicy()
    {
        await using var app = await StartAsync("Development");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var page = await client.GetAsync("/scalar/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy);
        Assert.True(nonce.Success, policy);
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce.Groups[1].Value}\"", s.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("/openapi/{documentName}.json".Replace("{documentName}", "v1", StringComparison.Ordinal).TrimStart('/'), html, StringComparison.Ordinal);

        using var again = await client.GetAsync("/scalar/");
        Assert.NotEqual(policy, string.Join(";", again.Headers.GetValues("Content-Security-Policy")));
        using var script = await client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task ReferencePage_IsNotServedOutsideDevelopment()
    {
        await using var app = await StartAsync("Production");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var page = await client.GetAsync("/scalar/");
        using var script = await client.GetAsync("/scalar/scalar.js");
        using var document = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    /// <summary>The method and path of each route in the first column of the README's "HTTP API" table.</summary>
    private static List<(string Method, string Path)> ReadmeRoutes()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var start = Array.IndexOf(lines, "## HTTP API");
        Assert.True(start >= 0, "the README has no HTTP API section");
        var table = lines.Skip(start).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        var routes = new List<(string, string)>();
        foreach (var row in table)
        {
            var first = row.Split(" | ")[0];
            foreach (Match route in Route().Matches(first))
            {
                routes.AddRange(route.Groups[1].Value.Split(',').Select(m => (m, route.Groups[2].Value)));
            }
        }

        return routes;
    }

    /// <summary>The hub started in <paramref name="environment"/> (its appsettings file included), the sandbox off.</summary>
    private static async Task<WebApplication> StartAsync(string environment)
    {
        var settings = HubServer.DefaultSettings();
        settings["SyncHub:Sandbox:Enabled"] = "false";
        var app = SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], b => b.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        return app;
    }

    private static async Task<JsonElement> DocumentAsync(HubServer hub) =>
        await hub.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string> Schemes(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
            ? [.. security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name))]
            : [];

    /// <summary>The answer's status is one the document lists for the route, with the answer's media type.</summary>
    private static async Task AssertDocumentedAsync(JsonElement document, string path, string method, HttpResponseMessage answer)
    {
        var status = ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = Operation(document, path, method).GetProperty("responses");
        Assert.True(responses.TryGetProperty(status, out var documented), $"{method} {path} answered {status}, which the document does not list");
        var mediaType = answer.Content.Headers.ContentType?.MediaType;
        Assert.NotNull(mediaType);
        Assert.True(
            documented.TryGetProperty("content", out var content) && content.TryGetProperty(mediaType, out _),
            $"{method} {path} answered {status} as {mediaType}, the document says {documented}");
        if (mediaType == "application/json")
        {
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.ValueKind);
        }
    }

    [GeneratedRegex(@"`([A-Z,]+) (/[^`\s?]*)[^`]*`")]
    private static partial Regex Route();

    [GeneratedRegex(@"script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex(@"<script\b[^>]*>")]
    private static partial Regex ScriptTag();
}
