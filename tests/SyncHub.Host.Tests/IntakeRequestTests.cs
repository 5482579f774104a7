using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Host.Endpoints;
using SyncHub.Pipeline;

namespace SyncHub.Host.Tests;

/// <summary>
/// What a webhook source sees of a request on <c>/api/intake/{route}</c> (headers without regard to case, a repeated
/// header's values joined, the query by exact name) and the answer's JSON, byte for byte what the serializer wrote for it.
/// </summary>
public sealed class IntakeRequestTests
{
    [Fact]
    public async Task Source_SeesHeadersWithoutRegardToCaseAndRepeatedValuesJoined()
    {
        await using var hub = await HubServer.StartAsync(services: s => s.AddSingleton<IWebhookSource, EchoSource>());

        // Raw, so the repeated header goes as two lines (HttpClient would join them into one).
        var (status, body) = await RawAsync(
            hub,
            "POST /api/intake/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Signature: sha256=abc\r\n" +
            "X-Repeated: one\r\nX-Repeated: two\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        Assert.Equal(200, status);
        var seen = JsonDocument.Parse(body).RootElement;
        Assert.Equal("POST", seen.GetProperty("method").GetString());
        Assert.Equal("sha256=abc", seen.GetProperty("signature").GetString());
        Assert.Equal("one,two", seen.GetProperty("repeated").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("missing").ValueKind);
        Assert.Equal("application/json", seen.GetProperty("contentType").GetString());
        Assert.Contains("X-Signature", seen.GetProperty("names").EnumerateArray().Select(n => n.GetString()), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("sha256=abc", seen.GetProperty("enumerated").GetString());
        Assert.Equal(0, seen.GetProperty("queryCount").GetInt32());
        Assert.Equal("{}", seen.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Source_SeesTheQueryByExactName()
    {
        await using var hub = await HubServer.StartAsync(services: s => s.AddSingleton<IWebhookSource, EchoSource>());

        using var response = await hub.Client.GetAsync("/api/intake/echo?Code=7&state=a&state=b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await hub.JsonAsync(response);
        Assert.Equal("GET", seen.GetProperty("method").GetString());
        Assert.Equal("7", seen.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("codeLower").ValueKind);
        Assert.Equal("a,b", seen.GetProperty("state").GetString());
        Assert.Equal(2, seen.GetProperty("queryCount").GetInt32());
    }

    [Fact]
    public async Task Answer_IsTheSerializersJsonWithItsLength()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Form(Forms.Valid("answer-1")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var body = JsonDocument.Parse(bytes).RootElement;
        var expected = Serialized(hub, new IntakeItem(body.GetProperty("id").GetString(), body.GetProperty("number").GetInt64(), false, false, null));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Answer_OfSeveralRecordsAndAnyReason_IsTheSerializersJson()
    {
        await using var hub = await HubServer.StartAsync();
        const string Reason = "subject <b>\"odd\"</b> & 'quotes' \u00e9\u4e2d\U0001F600 \n\t\u0001 +/";
        IntakeResult[] results =
        [
            new(IntakeOutcome.Created, "t1", 10001),
            new(IntakeOutcome.Duplicate, "t2", 10002),
            new(IntakeOutcome.Threaded, "t3", 10003),
            new(IntakeOutcome.DeadLettered, null, 0, Reason),
        ];

        var several = Encoding.UTF8.GetString(IntakeAnswer.Json(results));
        var one = Encoding.UTF8.GetString(IntakeAnswer.Json([results[1]]));

        var items = results.Select(r => new IntakeItem(
            r.TicketId, r.Number, r.Outcome is IntakeOutcome.Duplicate, r.Outcome is IntakeOutcome.Threaded, r.Outcome is IntakeOutcome.DeadLettered ? r.Reason : null)).ToList();
        Assert.Equal(Serialized(hub, new { items }), several);
        Assert.Equal(Serialized(hub, items[1]), one);
        Assert.Equal(Reason, JsonDocument.Parse(several).RootElement.GetProperty("items")[3].GetProperty("deadLetterReason").GetString());
    }

    [Fact]
    public async Task Cors_AnswersForThePublicFormOnlyNeverForTheIntake()
    {
        const string Website = "https://www.example.com";
        await using var hub = await HubServer.StartAsync(new()
        {
            ["SyncHub:Adapters:WebForm:Public:Enabled"] = "true",
            ["SyncHub:Adapters:WebForm:Public:AllowedOrigins:0"] = Website,
        });

        using var intake = hub.Form(Forms.Valid("cors-1"));
        intake.Headers.Add("Origin", Website);
        using var intakeAnswer = await hub.Client.SendAsync(intake);
        using var intakePreflight = await hub.Client.SendAsync(Preflight("/api/intake/web"));
        using var formToken = new HttpRequestMessage(HttpMethod.Get, "/api/public/web/form-token");
        formToken.Headers.Add("Origin", Website);
        using var formTokenAnswer = await hub.Client.SendAsync(formToken);
        using var formPreflight = await hub.Client.SendAsync(Preflight("/api/public/web"));

        Assert.Equal(HttpStatusCode.Created, intakeAnswer.StatusCode);
        Assert.False(intakeAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(intakePreflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.NotEqual(HttpStatusCode.NoContent, intakePreflight.StatusCode);
        Assert.Equal(HttpStatusCode.OK, formTokenAnswer.StatusCode);
        Assert.Equal(Website, formTokenAnswer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.NoContent, formPreflight.StatusCode);
        Assert.Equal(Website, formPreflight.Headers.GetValues("Access-Control-Allow-Origin").Single());

        static HttpRequestMessage Preflight(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", Website);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
            return request;
        }
    }

    [Theory]
    [InlineData(false, 201)]
    [InlineData(true, 200)]
    public void Answer_StatusIs201ForACreatedTicketUnlessTheSourceAnswers200(bool createdAs200, int status)
    {
        var answer = IntakeAnswer.From([new IntakeResult(IntakeOutcome.Duplicate, "t1", 1), new IntakeResult(IntakeOutcome.Created, "t2", 2)], createdAs200);
        var duplicate = IntakeAnswer.From([new IntakeResult(IntakeOutcome.Duplicate, "t1", 1)]);

        Assert.Equal(status, Assert.IsAssignableFrom<IStatusCodeHttpResult>(answer).StatusCode);
        Assert.Equal(200, Assert.IsAssignableFrom<IStatusCodeHttpResult>(duplicate).StatusCode);
    }

    /// <summary>Sends a raw HTTP/1.1 request and reads the answer to the end (the request asks to close).</summary>
    private static async Task<(int Status, string Body)> RawAsync(HubServer hub, string request)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(hub.BaseAddress.Host, hub.BaseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        var status = int.Parse(answer.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    /// <summary>What <c>Results.Json</c> wrote with the hub's own HTTP JSON options.</summary>
    private static string Serialized(HubServer hub, object value) =>
        JsonSerializer.Serialize(value, value.GetType(), hub.App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);

    /// <summary>Answers with what it saw of the request.</summary>
    private sealed class EchoSource : IWebhookSource
    {
        public string Name => "Echo";

        public string Route => "echo";

        public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
        {
            var seen = new Dictionary<string, object?>
            {
                ["method"] = request.Method,
                ["signature"] = request.Header("x-signature"),
                ["repeated"] = request.Header("X-REPEATED"),
                ["missing"] = request.Header("X-Missing"),
                ["contentType"] = request.Headers.TryGetValue("content-type", out var type) ? type : null,
                ["names"] = request.Headers.Keys.ToList(),
                ["enumerated"] = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "X-Signature", StringComparison.OrdinalIgnoreCase)).Value,
                ["code"] = request.QueryValue("Code"),
                ["codeLower"] = request.QueryValue("code"),
                ["state"] = request.QueryValue("state"),
                ["queryCount"] = request.Query.Count,
                ["body"] = Encoding.UTF8.GetString(request.Body.Span),
            };
            return ValueTask.FromResult(WebhookResult.Respond(200, "application/json", JsonSerializer.Serialize(seen)));
        }
    }
}
