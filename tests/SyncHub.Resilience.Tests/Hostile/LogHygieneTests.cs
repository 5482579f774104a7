using System.Net;
using System.Text.Json.Nodes;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Doubles;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// Drives every path that touches a secret (each webhook with the right and a wrong proof, the Facebook handshake whose
/// verify token travels in the query string, the API with and without its key, a reply over SMTP with a password, an
/// escalation to Rocket.Chat with its token, the Freshcaller poller with its API key) with every log level on, the
/// framework's included, and finds no secret in any line.
/// </summary>
public sealed class LogHygieneTests(HostileHub hub) : IClassFixture<HostileHub>
{
    [Fact]
    public async Task EverySecretPath_AtVerboseLevel_LogsNoSecret()
    {
        var form = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm("hygiene-1")), HttpStatusCode.Created);
        await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm("hygiene-2"), token: "wrong"), HttpStatusCode.Unauthorized);
        await hub.SendJsonAsync(HostileHub.SignedFacebook(Bodies.Utf8(Bodies.FacebookMessage("m_hygiene"))), HttpStatusCode.OK);
        await hub.SendJsonAsync(HostileHub.Facebook(Bodies.Utf8(Bodies.FacebookMessage("m_hygiene_2")), "sha256=" + new string('1', 64)), HttpStatusCode.Unauthorized);
        using (var handshake = await hub.Client.GetAsync($"/api/intake/facebook?hub.mode=subscribe&hub.challenge=42&hub.verify_token={TestSecrets.FacebookVerifyToken}"))
        {
            Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        }

        using (var wrongHandshake = await hub.Client.GetAsync("/api/intake/facebook?hub.mode=subscribe&hub.challenge=42&hub.verify_token=nope"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongHandshake.StatusCode);
        }

        await hub.SendJsonAsync(HostileHub.Livechat(Bodies.Utf8(Bodies.Livechat("lc-hygiene"))), HttpStatusCode.OK);
        await hub.SendJsonAsync(HostileHub.Livechat(Bodies.Utf8(Bodies.Livechat("lc-hygiene-2")), "wrong"), HttpStatusCode.Unauthorized);
        await hub.SendJsonAsync(HostileHub.FreshcallerHook(Bodies.Utf8(Bodies.Freshcaller(6_300_001))), HttpStatusCode.Created);
        await hub.SendJsonAsync(HostileHub.FreshcallerHook(Bodies.Utf8(Bodies.Freshcaller(6_300_002)), "wrong-but-long-enough"), HttpStatusCode.Unauthorized);
        await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Get, "/api/tickets", key: "wrong-key-123"), HttpStatusCode.Unauthorized);
        await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Get, $"/api/tickets?api_key={TestSecrets.ApiKey}", key: null), HttpStatusCode.Unauthorized);

        var id = form.GetProperty("id").GetString()!;
        var number = form.GetProperty("number").GetInt64();
        await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/reply", new { message = "Try again now." }), HttpStatusCode.OK);
        await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/escalate", new { team = "developers", assignee = "ana.dev", note = "look" }), HttpStatusCode.OK);
        // A Messenger reply: the Graph client's request carries the Page token in its query string.
        var messenger = Bodies.With(
            Bodies.With(Bodies.FacebookMessage("m_hygiene_reply"), "entry.0.messaging.0.timestamp", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()),
            "entry.0.messaging.0.sender.id",
            "6754000000000999");
        await hub.SendJsonAsync(HostileHub.SignedFacebook(Bodies.Utf8(messenger)), HttpStatusCode.OK);
        var facebook = (await hub.TicketsAsync()).Single(t => t.ExternalId == "m_hygiene_reply").Id;
        await hub.SendJsonAsync(HostileHub.Api(HttpMethod.Post, $"/api/tickets/{facebook}/reply", new { message = "We are on it." }), HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(
            () => hub.SendJsonAsync(HostileHub.Api(HttpMethod.Get, $"/api/tickets/{facebook}"), HttpStatusCode.OK).Result.GetProperty("replies").EnumerateObject().Any(r => r.Value.GetProperty("state").GetString() == "Failed"),
            TimeSpan.FromSeconds(20));

        var mail = await hub.MailOutcomeAsync(id, number);
        await Eventually.WaitUntilAsync(() => hub.Chat.Sends.Count > 0, TimeSpan.FromSeconds(20));
        await Eventually.WaitUntilAsync(() => hub.Freshcaller.Requests.Count > 0, TimeSpan.FromSeconds(20));

        Assert.NotNull(mail);
        Assert.True(hub.Log.Contains("Request starting"), "the framework's own request log was not captured: the level override did not apply");
        Assert.True(hub.Log.Contains("Sending HTTP request"), "the HTTP client log was not captured: " + string.Join(", ", hub.Log.Events.Select(e => e.Properties.TryGetValue("SourceContext", out var c) ? c.ToString() : "?").Distinct()));
        hub.AssertClean();
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("lower")]
    [InlineData("partly")]
    public async Task VerifyTokenSentEncoded_AtVerboseLevel_IsInNoLogLine(string encoding)
    {
        var token = TestSecrets.FacebookVerifyToken;
        var sent = encoding switch
        {
            "upper" => string.Concat(token.Select(c => $"%{(int)c:X2}")),
            "lower" => string.Concat(token.Select(c => $"%{(int)c:x2}")),
            _ => string.Concat(token.Select((c, i) => i % 3 == 0 ? $"%{(int)c:X2}" : c.ToString())),
        };

        using var handshake = await hub.Client.GetAsync($"/api/intake/facebook?hub.mode=subscribe&hub.challenge=42&hub.verify_token={sent}");

        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        await Task.Delay(200);
        hub.Log.AssertNoSecrets();
    }

    [Theory]
    [InlineData("GET /api/tickets?api_key={0} HTTP/1.1 extra\r\nHost: x\r\n\r\n")]
    [InlineData("GET /api/tickets?api_key={0}\u0001 HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /api/tickets HTTP/1.1\r\nHost: x\r\nX-Api-Key {0}\r\n\r\n")]
    [InlineData("POST /api/intake/facebook?hub.verify_token={1} HTTP/1.1\r\nHost: x\r\nContent-Length: -{1}\r\n\r\n")]
    public async Task MalformedRequestLineOrHeaderCarryingASecret_AtVerboseLevel_LogsNoSecret(string request)
    {
        var address = new Uri(hub.App.Urls.First());
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(address.Host, address.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, request, TestSecrets.ApiKey, TestSecrets.FacebookVerifyToken)));
            using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
            var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.StartsWith("HTTP/1.1 4", status, StringComparison.Ordinal);
        }

        await Task.Delay(200);
        hub.Log.AssertNoSecrets();
    }

    [Fact]
    public async Task UnhandledFailure_InAnAdapter_IsLoggedWithoutTheRequestsSecrets()
    {
        // A body the Freshcaller webhook cannot use, sent with its secret and the other tools' secrets in headers too.
        var request = HostileHub.FreshcallerHook(Bodies.Utf8(new JsonObject { ["calls"] = new JsonArray(1, 2) }));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestSecrets.FormToken);
        request.Headers.TryAddWithoutValidation("X-Api-Key", TestSecrets.ApiKey);
        request.Headers.TryAddWithoutValidation("X-RocketChat-Livechat-Token", TestSecrets.LivechatSecret);

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        hub.AssertClean();
    }
}
