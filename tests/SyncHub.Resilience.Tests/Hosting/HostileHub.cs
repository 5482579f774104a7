using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SyncHub.Domain;
using SyncHub.Host;
using SyncHub.Resilience.Tests.Fakes;
using SyncHub.Testing.Fakes;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>
/// The real hub on a free loopback port with the in-memory store and every webhook on (web form, Facebook, livechat,
/// Freshcaller), the Freshcaller poller, Rocket.Chat and SMTP notifiers pointed at local fakes, each with its own
/// distinctive secret (<see cref="TestSecrets"/>), and every log event at every level captured. One per test class.
/// </summary>
public sealed class HostileHub : IAsyncLifetime
{
    public const int MaxBodyBytes = 64 * 1024;

    private readonly StatusRecorder statuses = new();
    private WebApplication? app;

    internal LogCapture Log { get; } = new();

    internal SmtpSink Smtp { get; } = new();

    internal RocketChatFake Chat { get; } = new();

    internal FreshcallerApiFake Freshcaller { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public WebApplication App => app ?? throw new InvalidOperationException("The hub is not started.");

    public static Dictionary<string, string?> Settings(int smtpPort, string chatUrl, string freshcallerUrl) => new()
    {
        ["SyncHub:Store"] = "InMemory",
        ["SyncHub:Logging:Console"] = "false",
        ["SyncHub:ShutdownTimeout"] = "00:00:10",
        ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,

        // Every hostile test comes from one loopback address and many send wrong keys on purpose: no lockout here (the
        // 429 after repeated failures has its own tests in the host's AgentIdentityTests).
        ["SyncHub:Api:FailedAttempts"] = "0",
        ["SyncHub:Pipeline:MaxBodyBytes"] = MaxBodyBytes.ToString(CultureInfo.InvariantCulture),
        ["SyncHub:Outbox:PollInterval"] = "00:00:00.050",
        ["SyncHub:Outbox:RetryDelay"] = "00:00:00.050",
        ["SyncHub:Outbox:MaxRetryDelay"] = "00:00:00.200",
        ["SyncHub:Outbox:MaxAttempts"] = "3",
        ["SyncHub:Escalation:Teams:developers"] = "support",
        ["SyncHub:Adapters:WebForm:Enabled"] = "true",
        ["SyncHub:Adapters:WebForm:Token"] = TestSecrets.FormToken,
        ["SyncHub:Adapters:Facebook:Enabled"] = "true",
        ["SyncHub:Adapters:Facebook:AppSecret"] = TestSecrets.FacebookAppSecret,
        ["SyncHub:Adapters:Facebook:VerifyToken"] = TestSecrets.FacebookVerifyToken,

        // The Page token travels in Graph's query string; nothing listens on the discard port, so every reply fails
        // (and is retried and logged) with the token in the request it could not send.
        ["SyncHub:Adapters:Facebook:PageAccessToken"] = TestSecrets.FacebookPageToken,
        ["SyncHub:Adapters:Facebook:BaseUrl"] = "http://127.0.0.1:9/v21.0/",
        ["SyncHub:Adapters:Livechat:Enabled"] = "true",
        ["SyncHub:Adapters:Livechat:Secret"] = TestSecrets.LivechatSecret,
        ["SyncHub:Adapters:Freshcaller:Enabled"] = "true",
        ["SyncHub:Adapters:Freshcaller:BaseUrl"] = freshcallerUrl,
        ["SyncHub:Adapters:Freshcaller:ApiKey"] = TestSecrets.FreshcallerApiKey,
        ["SyncHub:Adapters:Freshcaller:WebhookSecret"] = TestSecrets.FreshcallerWebhookSecret,
        ["SyncHub:Adapters:Freshcaller:PollInterval"] = "00:00:01",
        ["SyncHub:Adapters:RocketChat:Enabled"] = "true",
        ["SyncHub:Adapters:RocketChat:BaseUrl"] = chatUrl,
        ["SyncHub:Adapters:RocketChat:UserId"] = RocketChatFake.UserId,
        ["SyncHub:Adapters:RocketChat:AuthToken"] = TestSecrets.RocketChatAuthToken,
        ["SyncHub:Adapters:RocketChat:DefaultChannel"] = "support",
        ["SyncHub:Adapters:Smtp:Enabled"] = "true",
        ["SyncHub:Adapters:Smtp:Host"] = "127.0.0.1",
        ["SyncHub:Adapters:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["SyncHub:Adapters:Smtp:Security"] = "None",
        ["SyncHub:Adapters:Smtp:User"] = "synchub",
        ["SyncHub:Adapters:Smtp:Password"] = TestSecrets.SmtpPassword,
        ["SyncHub:Adapters:Smtp:From"] = "Support <support@synchub.test>",
        ["SyncHub:Adapters:Smtp:Timeout"] = "00:00:05",

        // Every event at every level, the framework's too: an operator may turn any of them on.
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.Extensions.Http"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System.Net.Http"] = "Verbose",
    };

    public async Task InitializeAsync()
    {
        Chat.AcceptMessages();
        var settings = Settings(Smtp.Port, Chat.Url, Freshcaller.ApiUrl);
        app = SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<ILogEventSink>(Log);
        });
        await app.StartAsync();
        Client = new HttpClient(statuses) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        Chat.Dispose();
        Freshcaller.Dispose();
    }

    /// <summary>Fails when the hub answered any request with a 5xx.</summary>
    public void AssertNoServerErrors()
    {
        var errors = statuses.Answers.Where(a => (int)a.Status >= 500).ToList();
        var unhandled = Log.Events.Where(e => e.Exception is not null && e.Level >= Serilog.Events.LogEventLevel.Error).Select(e => e.Exception!.GetType().Name + ": " + e.Exception.Message).Distinct();
        Assert.True(errors.Count == 0, $"the hub answered 5xx: {string.Join("; ", errors.Select(e => $"{e.Request} -> {(int)e.Status}"))}; errors logged: {string.Join(" | ", unhandled)}");
    }

    /// <summary>Both checks every hostile test ends with: no 5xx so far, no secret in any log line so far.</summary>
    public void AssertClean()
    {
        AssertNoServerErrors();
        Log.AssertNoSecrets();
    }

    public static HttpRequestMessage Form(object body, string? token = TestSecrets.FormToken) =>
        Form(JsonSerializer.SerializeToUtf8Bytes(body), token);

    public static HttpRequestMessage Form(byte[] body, string? token = TestSecrets.FormToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/web") { Content = JsonBytes(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public static HttpRequestMessage Facebook(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/facebook") { Content = JsonBytes(body) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        return request;
    }

    /// <summary>A Facebook POST signed the way Facebook signs it (HMAC-SHA256 of the raw body with the app secret).</summary>
    public static HttpRequestMessage SignedFacebook(byte[] body, string secret = TestSecrets.FacebookAppSecret) =>
        Facebook(body, Sign(body, secret));

    public static string Sign(byte[] body, string secret = TestSecrets.FacebookAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static HttpRequestMessage Livechat(byte[] body, string? token = TestSecrets.LivechatSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/livechat") { Content = JsonBytes(body) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-RocketChat-Livechat-Token", token);
        }

        return request;
    }

    public static HttpRequestMessage FreshcallerHook(byte[] body, string? secret = TestSecrets.FreshcallerWebhookSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/freshcaller") { Content = JsonBytes(body) };
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Webhook-Secret", secret);
        }

        return request;
    }

    /// <summary>A correctly authenticated request for <paramref name="route"/> (web, facebook, livechat, freshcaller).</summary>
    public static HttpRequestMessage Intake(string route, byte[] body) => route switch
    {
        "web" => Form(body),
        "facebook" => SignedFacebook(body),
        "livechat" => Livechat(body),
        "freshcaller" => FreshcallerHook(body),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "unknown intake route"),
    };

    public static HttpRequestMessage Api(HttpMethod method, string path, object? body = null, string? key = TestSecrets.ApiKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is byte[] bytes ? JsonBytes(bytes) : JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        return request;
    }

    public async Task<JsonElement> SendJsonAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{request.Method} {request.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Every ticket, read through the API page by page.</summary>
    public async Task<List<Ticket>> TicketsAsync()
    {
        var tickets = new List<Ticket>();
        string? cursor = null;
        do
        {
            var path = "/api/tickets?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await SendJsonAsync(Api(HttpMethod.Get, path), HttpStatusCode.OK);
            tickets.AddRange(page.GetProperty("items").Deserialize<List<Ticket>>(SyncHubJson.Options)!);
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (cursor is not null);
        return tickets;
    }

    public async Task<int> TicketCountAsync() => (await TicketsAsync()).Count;

    /// <summary>
    /// Waits until the mail for <paramref name="ticketNumber"/> reached the SMTP sink, or the outbox gave up on it (the
    /// notifier refused its data) and dead-lettered it; returns the delivery, or null when it was refused.
    /// </summary>
    internal async Task<SmtpDelivery?> MailOutcomeAsync(string ticketId, long ticketNumber)
    {
        var deadLetters = App.Services.GetRequiredService<SyncHub.Storage.IDeadLetterStore>();
        SmtpDelivery? delivery = null;
        var refused = false;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            delivery = Smtp.Deliveries.FirstOrDefault(d => d.Headers.Any(h => h.Name == "X-SyncHub-Ticket" && h.Value == ticketNumber.ToString(CultureInfo.InvariantCulture)));
            refused = (await deadLetters.ListAsync(1000)).Any(l => l.Source == "outbox:Smtp" && l.ExternalId?.StartsWith(ticketId + ":", StringComparison.Ordinal) == true);
            if (delivery is not null || refused)
            {
                return delivery;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    public Task<long> DeadLetterCountAsync() =>
        App.Services.GetRequiredService<SyncHub.Storage.IDeadLetterStore>().CountAsync();

    public async Task<Ticket> TicketAsync(string id)
    {
        var json = await SendJsonAsync(Api(HttpMethod.Get, $"/api/tickets/{Uri.EscapeDataString(id)}"), HttpStatusCode.OK);
        return json.Deserialize<Ticket>(SyncHubJson.Options)!;
    }

    private static ByteArrayContent JsonBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
