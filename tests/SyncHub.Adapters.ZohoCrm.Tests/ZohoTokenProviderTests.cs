using System.Net;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Accounts;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoTokenProviderTests : IDisposable
{
    private readonly ZohoFake zoho = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private AdapterHarness? harness;

    [Fact]
    public async Task GetTokenAsync_FirstCall_PostsTheRefreshTokenGrantForm()
    {
        zoho.Tokens(FirstToken);

        var token = await CreateSut().GetTokenAsync(CancellationToken.None);

        Assert.Equal(FirstToken, token);
        var request = Assert.Single(zoho.TokenRequests());
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", Header(request, "Content-Type"), StringComparison.Ordinal);
        var form = HttpUtility.ParseQueryString(request.Body!);
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal(ClientId, form["client_id"]);
        Assert.Equal(ClientSecret, form["client_secret"]);
        Assert.Equal(RefreshToken, form["refresh_token"]);
        Assert.Empty(request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>());
    }

    [Fact]
    public async Task GetTokenAsync_EveryMintedToken_IsGivenToTheHubsLogMasking()
    {
        zoho.Tokens(FirstToken, SecondToken);
        var registered = new List<string>();
        harness = new AdapterHarness(
            new ZohoCrmModule(),
            ZohoSettings.For(zoho, null),
            time,
            services => services.AddInMemoryAccountDirectory().AddSingleton<ISecretRegistry>(new RecordingSecrets(registered)));
        var sut = harness.Provider.GetRequiredService<ZohoTokenProvider>();

        var first = await sut.GetTokenAsync(CancellationToken.None);
        var second = await sut.RefreshAsync(first, CancellationToken.None);

        Assert.Equal([FirstToken, SecondToken], [first, second]);
        Assert.Equal([FirstToken, SecondToken], registered);
    }

    private sealed class RecordingSecrets(List<string> registered) : ISecretRegistry
    {
        public void Add(string secret) => registered.Add(secret);
    }

    [Fact]
    public async Task GetTokenAsync_BeforeTheRefreshMargin_ReusesTheCachedToken()
    {
        zoho.Tokens(FirstToken, SecondToken);
        var sut = CreateSut();
        await sut.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));

        var token = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal(FirstToken, token);
        Assert.Single(zoho.TokenRequests());
    }

    [Fact]
    public async Task GetTokenAsync_WithinTheRefreshMargin_RefreshesTheToken()
    {
        zoho.Tokens(FirstToken, SecondToken);
        var sut = CreateSut();
        await sut.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(55));

        var token = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal(SecondToken, token);
        Assert.Equal(2, zoho.TokenRequests().Count);
    }

    [Fact]
    public async Task RefreshAsync_TokenAlreadyReplacedByAnotherCaller_DoesNotRefreshAgain()
    {
        zoho.Tokens(FirstToken, SecondToken, "1000.access-three");
        var sut = CreateSut();
        var rejected = await sut.GetTokenAsync(CancellationToken.None);

        var tokens = await Task.WhenAll(sut.RefreshAsync(rejected, CancellationToken.None), sut.RefreshAsync(rejected, CancellationToken.None));

        Assert.Equal([SecondToken, SecondToken], tokens);
        Assert.Equal(2, zoho.TokenRequests().Count);
    }

    [Fact]
    public async Task GetTokenAsync_GrantRefused_ThrowsNamingTheErrorWithoutSecrets()
    {
        zoho.TokenError("invalid_code");
        var sut = CreateSut();

        var error = await Assert.ThrowsAsync<ZohoAuthenticationException>(() => sut.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Equal("invalid_code", error.Code);
        Assert.Contains("invalid_code", error.Message, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Adapters:ZohoCrm:ClientId", error.Message, StringComparison.Ordinal);
        var logs = string.Join('\n', harness!.Logs.GetSnapshot().Select(r => r.Message));
        Assert.Contains("invalid_code", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { ClientSecret, RefreshToken })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetTokenAsync_AccountsServerAnswersHttpError_ThrowsNamingTheStatus()
    {
        zoho.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/oauth/v2/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(HttpStatusCode.BadRequest).WithBody("Bad Request"));

        var error = await Assert.ThrowsAsync<ZohoAuthenticationException>(() => CreateSut().GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Equal("HTTP 400", error.Code);
    }

    [Theory]
    [InlineData("server-error")]
    [InlineData("network")]
    [InlineData("invalid_code")]
    public async Task GetTokenAsync_RefreshFailsWhileTheCachedTokenIsValid_KeepsItUntilItExpires(string failure)
    {
        zoho.Tokens(FirstToken);
        var sut = CreateSut(new() { ["MaxRetryAttempts"] = "0" });
        await sut.GetTokenAsync(CancellationToken.None);
        FailEveryRefresh(failure);
        time.Advance(TimeSpan.FromMinutes(56));

        var kept = await sut.GetTokenAsync(CancellationToken.None);
        var rejectedRefresh = await Record.ExceptionAsync(() => sut.RefreshAsync(FirstToken, CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(4));
        var expired = await Record.ExceptionAsync(() => sut.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Equal(FirstToken, kept);
        Assert.IsAssignableFrom<ZohoCrmException>(rejectedRefresh);
        Assert.IsAssignableFrom<ZohoCrmException>(expired);
        Assert.Equal(failure == "invalid_code", expired is ZohoAuthenticationException);
        if (failure != "network")
        {
            // A dropped connection may or may not reach WireMock's request log in time: only answered refreshes are counted.
            Assert.Equal(3, zoho.TokenRequests().Count);
        }

        var warning = Assert.Single(harness!.Logs.GetSnapshot(), r => r.Id.Id == 3011);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.DoesNotContain(FirstToken, warning.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        harness?.Dispose();
        zoho.Dispose();
    }

    /// <summary>From now on every grant fails as <paramref name="failure"/> says (the network one by stopping the server).</summary>
    private void FailEveryRefresh(string failure)
    {
        zoho.Reset();
        var token = WireMock.RequestBuilders.Request.Create().WithPath("/oauth/v2/token").UsingPost();
        switch (failure)
        {
            case "network":
                zoho.Server.Stop();
                break;
            case "server-error":
                zoho.Server.Given(token).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(HttpStatusCode.ServiceUnavailable).WithBody("Service Unavailable"));
                break;
            default:
                zoho.Server.Given(token).RespondWith(Json(HttpStatusCode.BadRequest, new Dictionary<string, object?> { ["error"] = failure }));
                break;
        }
    }

    private ZohoTokenProvider CreateSut(Dictionary<string, string?>? settings = null)
    {
        harness = ZohoSettings.Harness(zoho, time, settings);
        return harness.Provider.GetRequiredService<ZohoTokenProvider>();
    }
}
