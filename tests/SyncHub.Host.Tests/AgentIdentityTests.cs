using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SyncHub.Domain;
using SyncHub.Host.Auth;
using SyncHub.Host.Commands;

namespace SyncHub.Host.Tests;

/// <summary>
/// Who did what: agents sign in with a personal key (configured only as its hash) or a JWT, integrations with a service
/// key; the history records the signed-in caller, never a name from the body; wrong credentials are 401, repeated ones 429;
/// admin routes are for admins.
/// </summary>
public sealed class AgentIdentityTests
{
    internal const string AnaKey = "ana-personal-key-1";
    private const string BenKey = "ben-personal-key-2";
    private const string CrmKey = "crm-sync-service-key";
    private const string Audience = "synchub";
    private const string Issuer = "https://login.example.com";

    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("a-test-signing-key-of-at-least-32-bytes!");

    internal static Dictionary<string, string?> AgentSettings() => new()
    {
        ["SyncHub:Agents:ana:Name"] = "Ana Souza",
        ["SyncHub:Agents:ana:Email"] = "ana@support.example",
        ["SyncHub:Agents:ana:ChatHandle"] = "ana.s",
        ["SyncHub:Agents:ana:Role"] = "Admin",
        ["SyncHub:Agents:ana:KeyHash"] = KeyHash.Of(AnaKey),
        ["SyncHub:Agents:ben:Name"] = "Ben Lima",
        ["SyncHub:Agents:ben:Email"] = "ben@support.example",
        ["SyncHub:Agents:ben:Role"] = "Agent",
        ["SyncHub:Agents:ben:Departments:0"] = "PaidSupport",
        ["SyncHub:Agents:ben:KeyHash"] = KeyHash.Of(BenKey),
        ["SyncHub:Api:Services:crm-sync:KeyHash"] = KeyHash.Of(CrmKey),
    };

    [Fact]
    public async Task AgentKey_StatusChange_HistoryRecordsTheAgentAndIgnoresTheBodysBy()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/status", new { status = "Pending", by = "somebody-else" }, BenKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await hub.TicketAsync(id)).History, h => h.Type == HistoryTypes.StatusChanged);
        Assert.Equal("Ben Lima", entry.Data!["by"]);
    }

    [Theory]
    [InlineData(HubServer.ApiKey, "service:api-key")]
    [InlineData(CrmKey, "service:crm-sync")]
    public async Task ServiceKey_Note_IsRecordedAsTheService(string key, string recorded)
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());
        var id = await CreateAsync(hub);

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{id}/note", new { text = "Synced from the CRM", by = "Ana Souza" }, key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await hub.TicketAsync(id)).History, h => h.Type == HistoryTypes.InternalNote);
        Assert.Equal(recorded, entry.Data!["by"]);
    }

    [Fact]
    public async Task WrongKey_Returns401NamingTheHeaderWithoutTheKey()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());
        const string wrong = "ana-personal-key-X";

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets", key: wrong));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("X-Api-Key", body, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, body, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NoCredentials_Returns401SayingWhatToSend()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Api-Key", (await hub.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_AgentAndServiceKey_SayWhoIsSignedIn()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());

        using var ben = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: BenKey));
        using var service = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: CrmKey));
        using var all = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents", key: BenKey));

        var me = await hub.JsonAsync(ben);
        Assert.Equal("ben", me.GetProperty("id").GetString());
        Assert.Equal("Ben Lima", me.GetProperty("name").GetString());
        Assert.Equal("ben@support.example", me.GetProperty("email").GetString());
        Assert.Equal("Agent", me.GetProperty("role").GetString());
        Assert.Equal(["PaidSupport"], me.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Agent", me.GetProperty("kind").GetString());
        var svc = await hub.JsonAsync(service);
        Assert.Equal("Service", svc.GetProperty("kind").GetString());
        Assert.Equal("crm-sync", svc.GetProperty("name").GetString());
        var items = (await hub.JsonAsync(all)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["ana", "ben"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("Admin", items[0].GetProperty("role").GetString());
        Assert.Equal(0, items[0].GetProperty("departments").GetArrayLength());
        Assert.Equal("ana.s", items[0].GetProperty("chatHandle").GetString());
    }

    [Fact]
    public async Task InternalRequest_ByAnAgentWithoutRequester_IsForAndByTheAgent()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new { subject = "VPN down", message = "Cannot reach the VPN", agent = "maria" }, BenKey));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal("Ben Lima", ticket.Requester.Name);
        Assert.Equal("ben@support.example", ticket.Requester.Email);
        Assert.Equal("Ben Lima", ticket.Requester.Handle);
    }

    [Fact]
    public async Task InternalRequest_ByAnAgentForACustomer_KeepsTheCustomerAndRecordsTheAgent()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new
        {
            subject = "Invoice copy",
            message = "Asked by phone",
            requester = new { name = "ACME Ltda", email = "billing@acme.example" },
        }, AnaKey));

        var ticket = await hub.TicketAsync((await hub.JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal("ACME Ltda", ticket.Requester.Name);
        Assert.Equal("billing@acme.example", ticket.Requester.Email);
        Assert.Equal("Ana Souza", ticket.Requester.Handle);
    }

    [Fact]
    public async Task ElevenFailures_Returns429WithRetryAfterEvenForAGoodKey_ThenAllowedAfterTheWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var settings = AgentSettings();
        settings["SyncHub:Api:FailedAttempts"] = "10";
        settings["SyncHub:Api:FailedAttemptsWindow"] = "00:01:00";
        await using var hub = await HubServer.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));

        for (var i = 0; i < 10; i++)
        {
            using var failed = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: $"guess-number-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var eleventh = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: "guess-number-10"));
        using var good = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: AnaKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), eleventh.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode);

        clock.Advance(TimeSpan.FromSeconds(30));
        using var later = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: AnaKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, later.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), later.Headers.RetryAfter?.Delta);

        clock.Advance(TimeSpan.FromSeconds(30));
        using var after = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: AnaKey));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public void FailedAttempts_CountsPerAddressInAWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var attempts = new FailedAttempts(clock, 3, TimeSpan.FromMinutes(1));

        attempts.Failed("10.0.0.1");
        attempts.Failed("10.0.0.1");
        Assert.Null(attempts.RetryAfter("10.0.0.1"));
        clock.Advance(TimeSpan.FromSeconds(20));
        attempts.Failed("10.0.0.1");

        Assert.Equal(TimeSpan.FromSeconds(40), attempts.RetryAfter("10.0.0.1"));
        Assert.Null(attempts.RetryAfter("10.0.0.2"));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(attempts.RetryAfter("10.0.0.1"));
        attempts.Failed("10.0.0.1");
        Assert.Null(attempts.RetryAfter("10.0.0.1"));
    }

    [Theory]
    [InlineData("ben")]
    [InlineData(HubServer.ApiKey)]
    public async Task AdminRoutes_NonAdmins_Get403(string who)
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());
        var key = who == "ben" ? BenKey : who;

        using var list = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/dead-letters", key: key));
        using var replay = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/dead-letters/replay", new { }, key));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Contains("admin", (await hub.JsonAsync(list)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminRoutes_Admin_ListsTheDeadLetters()
    {
        await using var hub = await HubServer.StartAsync(AgentSettings());
        var letters = hub.App.Services.GetRequiredService<SyncHub.Storage.IDeadLetterStore>();
        await letters.AddAsync(new SyncHub.Storage.DeadLetter("Email", "m-1", "bad address", "{}", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));
        await letters.AddAsync(new SyncHub.Storage.DeadLetter("Twitter", "t-1", "no text", "{}", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));

        using var all = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/dead-letters", key: AnaKey));
        using var twitter = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/dead-letters?source=twitter", key: AnaKey));
        using var bad = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/dead-letters?limit=0", key: AnaKey));

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(2, (await hub.JsonAsync(all)).GetProperty("items").GetArrayLength());
        var item = Assert.Single((await hub.JsonAsync(twitter)).GetProperty("items").EnumerateArray());
        Assert.Equal("no text", item.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("limit", (await hub.JsonAsync(bad)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Jwt_SignedByTheConfiguredKey_IsTheAgentItNames()
    {
        await using var hub = await HubServer.StartAsync(JwtSettings());
        var id = await CreateAsync(hub);

        using var byId = await hub.Client.SendAsync(Bearer(HttpMethod.Post, $"/api/tickets/{id}/status", Token(new Claim("preferred_username", "ben")), new { status = "Pending" }));
        using var byEmail = await hub.Client.SendAsync(Bearer(HttpMethod.Get, "/api/agents/me", Token(new Claim("preferred_username", "ana@support.example"))));

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal("Ben Lima", Assert.Single((await hub.TicketAsync(id)).History, h => h.Type == HistoryTypes.StatusChanged).Data!["by"]);
        Assert.Equal("ana", (await hub.JsonAsync(byEmail)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Jwt_IsCheckedOnlyWhereTheApiTakesIt_NeverOnAWebhooksBearerToken()
    {
        var seen = new List<string>();
        await using var hub = await HubServer.StartAsync(JwtSettings(), services => services.PostConfigure<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(
            ApiAuthentication.BearerScheme,
            o => o.Events = new Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    lock (seen)
                    {
                        seen.Add(context.Request.Path);
                    }

                    return Task.CompletedTask;
                },
            }));

        using var webhook = await hub.Client.SendAsync(hub.Form(Forms.Valid("jwt-1")));
        using var health = await hub.Client.SendAsync(Bearer(HttpMethod.Get, "/health/ready", Token(new Claim("preferred_username", "ben"))));
        using var me = await hub.Client.SendAsync(Bearer(HttpMethod.Get, "/api/agents/me", Token(new Claim("preferred_username", "ben"))));

        Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ben", (await hub.JsonAsync(me)).GetProperty("id").GetString());
        Assert.Equal(["/api/agents/me"], seen);
    }

    [Fact]
    public async Task Jwt_Expired_WrongAudience_UnknownAgent_OtherSigner_Return401()
    {
        await using var hub = await HubServer.StartAsync(JwtSettings());
        var now = TimeProvider.System.GetUtcNow();
        var tokens = new Dictionary<string, string>
        {
            ["expired"] = Token(new Claim("preferred_username", "ben"), expires: now.AddHours(-1)),
            ["another audience"] = Token(new Claim("preferred_username", "ben"), audience: "another-app"),
            ["names no agent"] = Token(new Claim("preferred_username", "mallory")),
            ["signature"] = Token(new Claim("preferred_username", "ben"), key: Encoding.UTF8.GetBytes("another-signing-key-of-at-least-32-bytes")),
        };

        foreach (var (reason, token) in tokens)
        {
            using var response = await hub.Client.SendAsync(Bearer(HttpMethod.Get, "/api/agents/me", token));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var detail = (await hub.JsonAsync(response)).GetProperty("detail").GetString()!;
            Assert.DoesNotContain(token, detail, StringComparison.Ordinal);
            Assert.Contains(reason switch { "expired" => "expired", "another audience" => "audience", "names no agent" => "no agent", _ => "signature" }, detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApiReference_WithJwt_EveryAgentRouteTakesTheKeyOrTheBearerToken()
    {
        await using var hub = await HubServer.StartAsync(JwtSettings());

        var document = await hub.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer", "JWT"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString(), bearer.GetProperty("bearerFormat").GetString()));
        foreach (var (path, method) in new[] { ("/api/agents/me", "get"), ("/api/tickets/{id}/status", "post"), ("/api/dead-letters", "get") })
        {
            var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
            Assert.Equal(["ApiKey", "Bearer"], operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)));
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} documents 401");
            Assert.True(operation.GetProperty("responses").TryGetProperty("429", out _), $"{method} {path} documents 429");
        }

        Assert.True(document.GetProperty("paths").GetProperty("/api/dead-letters").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task HashKey_PrintsAKeyAndItsHash_TheKeySignsInOnceTheHashIsConfigured()
    {
        var (code, output, error) = await RunAsync("hash-key");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var key = Assert.Single(lines, l => l.StartsWith("key: ", StringComparison.Ordinal))[5..];
        var hash = Assert.Single(lines, l => l.StartsWith("KeyHash: ", StringComparison.Ordinal))[9..];
        Assert.Equal(43, key.Length);
        Assert.Matches("^sha256:[0-9a-f]{64}$", hash);
        var (again, hashed, _) = await RunAsync("hash-key", "--key", key);
        Assert.Equal(0, again);
        Assert.Equal($"KeyHash: {hash}", hashed.Trim());

        var settings = AgentSettings();
        settings["SyncHub:Agents:dora:KeyHash"] = hash;
        await using var hub = await HubServer.StartAsync(settings);
        using var me = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/agents/me", key: key));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("dora", (await hub.JsonAsync(me)).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("SyncHub:Agents:ben:KeyHash", "sha256:ABC", "SyncHub:Agents:ben:KeyHash")]
    [InlineData("SyncHub:Agents:ben:KeyHash", "ben-personal-key-2", "SyncHub:Agents:ben:KeyHash")]
    [InlineData("SyncHub:Agents:ben:Role", "Supervisor", "SyncHub:Agents:ben:Role")]
    [InlineData("SyncHub:Agents:ben:Departments:0", "Sales", "SyncHub:Agents:ben:Departments:0")]
    [InlineData("SyncHub:Api:Services:crm-sync:KeyHash", "sha256:1", "SyncHub:Api:Services:crm-sync:KeyHash")]
    [InlineData("SyncHub:Api:Jwt:SigningKey", "c2hvcnQ=", "SyncHub:Api:Jwt:SigningKey")]
    public async Task Start_BadAgentSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var settings = AgentSettings();
        settings[key] = value;
        settings["SyncHub:Api:Jwt:Audience"] = Audience;
        settings["SyncHub:Api:Jwt:Issuer"] = Issuer;
        await using var app = HubServer.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TwoAgentsWithOneKey_FailsNamingBoth()
    {
        var settings = AgentSettings();
        settings["SyncHub:Agents:ben:KeyHash"] = KeyHash.Of(AnaKey);
        await using var app = HubServer.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("SyncHub:Agents:ben:KeyHash: is the same hash as SyncHub:Agents:ana:KeyHash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SandboxAgentKeyOutsideDevelopment_StopsTheStartNamingTheKey()
    {
        var settings = AgentSettings();
        settings["SyncHub:Agents:ben:KeyHash"] = KeyHash.Of("dev-agent-ben");

        var error = Assert.Throws<StartFailureException>(() => HubServer.Build(settings));

        Assert.Contains("SyncHub:Agents:ben:KeyHash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownSettings_AgentAndSignInKeys_AreKnownAndATypoIsNamed()
    {
        var known = new SyncHub.Host.Configuration.KnownSettings(SyncHub.Host.Configuration.BuiltInAdapters.All, []);
        var settings = AgentSettings();
        settings["SyncHub:Api:Jwt:AgentClaim"] = "email";
        settings["SyncHub:Api:FailedAttemptsWindow"] = "00:05:00";
        settings["SyncHub:Agents:ben:KeyHsh"] = "x";

        var lines = known.Unknown(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal(["SyncHub:Agents:ben:KeyHsh is not a SyncHub setting; did you mean SyncHub:Agents:ben:KeyHash?"], lines);
    }

    [Fact]
    public void JwtSigningKey_IsASecretTheLogMasks_TheKeyHashesAreNot()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(JwtSettings()).Build();

        var secrets = SyncHub.Host.Logging.SecretValues.From(configuration);

        Assert.Contains(Convert.ToBase64String(SigningKey), secrets);
        Assert.DoesNotContain(KeyHash.Of(AnaKey), secrets);
    }

    private static Dictionary<string, string?> JwtSettings()
    {
        var settings = AgentSettings();
        settings["SyncHub:Api:Jwt:SigningKey"] = Convert.ToBase64String(SigningKey);
        settings["SyncHub:Api:Jwt:Audience"] = Audience;
        settings["SyncHub:Api:Jwt:Issuer"] = Issuer;
        return settings;
    }

    private static string Token(Claim claim, DateTimeOffset? expires = null, string audience = Audience, byte[]? key = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var end = expires ?? now.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([claim]),
            Audience = audience,
            Issuer = Issuer,
            IssuedAt = end.AddMinutes(-20).UtcDateTime,
            NotBefore = end.AddMinutes(-20).UtcDateTime,
            Expires = end.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    private static HttpRequestMessage Bearer(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HostCommands.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<string> CreateAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid(Guid.NewGuid().ToString("N"))));
        return (await hub.JsonAsync(response)).GetProperty("id").GetString()!;
    }
}
