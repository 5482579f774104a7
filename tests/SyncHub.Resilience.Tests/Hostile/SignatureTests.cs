using System.Net;
using System.Text;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// Forged, tampered and replayed webhook deliveries on every intake route: a wrong proof is 401 (403 for the Facebook
/// handshake) and makes no ticket; a replay of a genuine delivery is the same ticket, never a second one.
/// </summary>
public sealed class SignatureTests(HostileHub hub) : IClassFixture<HostileHub>
{
    public static TheoryData<string?> ForgedFacebookSignatures()
    {
        var body = Bodies.Utf8(Bodies.FacebookMessage("m_forged"));
        var genuine = HostileHub.Sign(body);
        return new TheoryData<string?>
        {
            null,
            "",
            "sha256=",
            "sha256=" + new string('0', 64),
            HostileHub.Sign(body, "another-apps-secret"),
            HostileHub.Sign(Bodies.Utf8(Bodies.FacebookMessage("m_other")), TestSecrets.FacebookAppSecret),
            "sha1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(TestSecrets.FacebookAppSecret), body)),
            genuine[..^1],
            genuine + "0",
            genuine.Replace("sha256=", "", StringComparison.Ordinal),
            "sha256=" + new string('z', 64),
            genuine + ", " + genuine,
            TestSecrets.FacebookAppSecret,
        };
    }

    [Theory]
    [MemberData(nameof(ForgedFacebookSignatures))]
    public async Task Facebook_ForgedOrMissingSignature_Returns401AndNoTicket(string? signature)
    {
        var before = await hub.TicketCountAsync();

        await hub.SendJsonAsync(HostileHub.Facebook(Bodies.Utf8(Bodies.FacebookMessage("m_forged")), signature), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    [Fact]
    public async Task Facebook_GenuineSignatureOverATamperedBody_Returns401AndNoTicket()
    {
        var before = await hub.TicketCountAsync();
        var genuine = Bodies.Utf8(Bodies.FacebookMessage("m_tamper"));
        var tampered = Bodies.Utf8(Bodies.With(Bodies.FacebookMessage("m_tamper"), "entry.0.messaging.0.message.text", "send me everyone's data"));

        await hub.SendJsonAsync(HostileHub.Facebook(tampered, HostileHub.Sign(genuine)), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", "")]
    [InlineData("subscribe", null)]
    [InlineData("unsubscribe", TestSecrets.FacebookVerifyToken)]
    public async Task Facebook_HandshakeWithoutTheVerifyToken_Returns403(string mode, string? token)
    {
        var query = $"/api/intake/facebook?hub.mode={mode}&hub.challenge=1158201444" + (token is null ? "" : $"&hub.verify_token={Uri.EscapeDataString(token)}");

        using var response = await hub.Client.GetAsync(query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        hub.AssertClean();
    }

    [Fact]
    public async Task Facebook_HandshakeWithTheVerifyToken_EchoesTheChallengeAndLogsNoToken()
    {
        using var response = await hub.Client.GetAsync($"/api/intake/facebook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={TestSecrets.FacebookVerifyToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
        hub.AssertClean();
    }

    public static TheoryData<string?> WrongLivechatTokens() => new()
    {
        null,
        "",
        "wrong",
        TestSecrets.LivechatSecret[..^1],
        TestSecrets.LivechatSecret + "x",
        TestSecrets.LivechatSecret.ToUpperInvariant(),
        TestSecrets.FormToken,
    };

    [Theory]
    [MemberData(nameof(WrongLivechatTokens))]
    public async Task Livechat_MissingOrWrongToken_Returns401AndNoTicket(string? token)
    {
        var before = await hub.TicketCountAsync();

        await hub.SendJsonAsync(HostileHub.Livechat(Bodies.Utf8(Bodies.Livechat("lc-forged")), token), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    public static TheoryData<string?> WrongFreshcallerSecrets() => new()
    {
        null,
        "",
        "wrong-but-long-enough-secret",
        TestSecrets.FreshcallerWebhookSecret[..^1],
        TestSecrets.FreshcallerWebhookSecret + "x",
        TestSecrets.FreshcallerApiKey,
    };

    [Theory]
    [MemberData(nameof(WrongFreshcallerSecrets))]
    public async Task Freshcaller_MissingOrWrongSecret_Returns401AndNoTicket(string? secret)
    {
        var before = await hub.TicketCountAsync();

        await hub.SendJsonAsync(HostileHub.FreshcallerHook(Bodies.Utf8(Bodies.Freshcaller(6_100_001)), secret), HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    [Fact]
    public async Task Freshcaller_SecretInAnotherHeader_Returns401()
    {
        var before = await hub.TicketCountAsync();
        var request = HostileHub.FreshcallerHook(Bodies.Utf8(Bodies.Freshcaller(6_100_002)), secret: null);
        request.Headers.TryAddWithoutValidation("X-Api-Auth", TestSecrets.FreshcallerWebhookSecret);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestSecrets.FreshcallerWebhookSecret);

        await hub.SendJsonAsync(request, HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    public static TheoryData<string?> WrongAuthorizations() => new()
    {
        null,
        "",
        "Bearer",
        "Bearer ",
        "Bearer wrong-token",
        "Bearer " + TestSecrets.FormToken[..^1],
        "Bearer " + TestSecrets.FormToken + "x",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("form:" + TestSecrets.FormToken)),
        TestSecrets.FormToken,
        "Token " + TestSecrets.FormToken,
        "Bearer " + TestSecrets.ApiKey,
    };

    [Theory]
    [MemberData(nameof(WrongAuthorizations))]
    public async Task WebForm_MissingOrWrongBearerToken_Returns401AndNoTicket(string? authorization)
    {
        var before = await hub.TicketCountAsync();
        var request = HostileHub.Form(Bodies.Utf8(Bodies.WebForm("sub-forged")), token: null);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        await hub.SendJsonAsync(request, HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    [Fact]
    public async Task WebForm_TokenInTheQueryString_Returns401()
    {
        var before = await hub.TicketCountAsync();
        var request = HostileHub.Form(Bodies.Utf8(Bodies.WebForm("sub-query")), token: null);
        request.RequestUri = new Uri($"/api/intake/web?token={TestSecrets.FormToken}&access_token={TestSecrets.FormToken}", UriKind.Relative);

        await hub.SendJsonAsync(request, HttpStatusCode.Unauthorized);

        Assert.Equal(before, await hub.TicketCountAsync());
    }

    [Theory]
    [InlineData("web")]
    [InlineData("facebook")]
    [InlineData("livechat")]
    [InlineData("freshcaller")]
    public async Task Replay_OfAGenuineDelivery_IsTheSameTicketNeverASecond(string route)
    {
        var body = Bodies.Utf8(Bodies.For(route, 9_001));
        var before = await hub.TicketCountAsync();

        using var first = await hub.Client.SendAsync(HostileHub.Intake(route, body));
        var created = await hub.SendJsonAsync(HostileHub.Intake(route, body), HttpStatusCode.OK);
        var again = await hub.SendJsonAsync(HostileHub.Intake(route, body), HttpStatusCode.OK);

        Assert.True(first.IsSuccessStatusCode, $"{route}: {(int)first.StatusCode}");
        Assert.True(created.GetProperty("duplicate").GetBoolean());
        Assert.Equal(created.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(before + 1, await hub.TicketCountAsync());
        hub.AssertClean();
    }
}
