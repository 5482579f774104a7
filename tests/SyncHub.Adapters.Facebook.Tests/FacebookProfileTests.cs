using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Facebook.Tests.FacebookPayloads;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>The Messenger sender's name from the User Profile API, and the count of notifications of other objects.</summary>
public sealed class FacebookProfileTests : IDisposable
{
    private const string OtherPsid = "7865234098765432";

    private readonly FacebookGraphFake graph = new();

    private AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => new(new FacebookModule(), FacebookSettings.Replying(graph, settings));

    private static WebhookRequest Messages(params JsonObject[] messaging) => Signed(Page(Entry(messaging: messaging)).ToJsonString());

    private static async Task<IReadOnlyList<IntakeRecord>> ReadAsync(AdapterHarness sut, WebhookRequest request) =>
        Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(request)).Records;

    [Fact]
    public async Task ReadAsync_WithAPageToken_NamesTheSenderFromTheProfile()
    {
        graph.Profile(CustomerPsid, "Ana", "Souza");
        using var sut = CreateSut();

        var record = Assert.Single(await ReadAsync(sut, Messages(Message("m_1", "The app crashes on start"))));

        Assert.Equal(new Requester(Name: "Ana Souza", Handle: CustomerPsid), record.Requester);
        Assert.Equal("Messenger to Ana Souza", record.ReplyRoute!.Destination);
        Assert.Equal(CustomerPsid, record.ReplyRoute.Data[FacebookReplyEvents.RecipientId]);
        var call = Assert.Single(graph.Requests(FacebookGraphFake.ProfilePath(CustomerPsid)));
        Assert.Equal("first_name,last_name,name", FacebookGraphFake.Query(call, "fields"));
        Assert.Equal(FacebookGraphFake.Token, FacebookGraphFake.Query(call, "access_token"));
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(FacebookGraphFake.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TwoMessagesOfOneSender_ReadTheProfileOnce()
    {
        graph.Profile(CustomerPsid, "Ana", "Souza");
        using var sut = CreateSut();

        var first = Assert.Single(await ReadAsync(sut, Messages(Message("m_1", "The app crashes on start"))));
        sut.Time.Advance(TimeSpan.FromHours(1));
        var second = Assert.Single(await ReadAsync(sut, Messages(Message("m_2", "Still crashing", timestamp: 1796126460000L))));

        Assert.Equal(("Ana Souza", "Ana Souza"), (first.Requester.Name, second.Requester.Name));
        Assert.Single(graph.Requests(FacebookGraphFake.ProfilePath(CustomerPsid)));
    }

    [Fact]
    public async Task ReadAsync_AfterTheCacheLifetime_ReadsTheProfileAgain()
    {
        graph.Profile(CustomerPsid, "Ana", "Souza");
        using var sut = CreateSut();

        await ReadAsync(sut, Messages(Message("m_1", "The app crashes on start")));
        sut.Time.Advance(FacebookProfiles.NameLifetime + TimeSpan.FromMinutes(1));
        await ReadAsync(sut, Messages(Message("m_2", "Still crashing")));

        Assert.Equal(2, graph.Requests(FacebookGraphFake.ProfilePath(CustomerPsid)).Count);
    }

    [Theory]
    [InlineData(500, 2, "An unexpected error has occurred. Please retry your request later.")]
    [InlineData(400, 100, "Unsupported get request. Object with ID does not exist")]
    public async Task ReadAsync_ProfileFails_KeepsThePsidAndLogsOncePerSender(int status, int code, string message)
    {
        graph.Fail(FacebookGraphFake.ProfilePath(CustomerPsid), status, code, null, message);
        using var sut = CreateSut();

        var first = Assert.Single(await ReadAsync(sut, Messages(Message("m_1", "The app crashes on start"))));
        sut.Time.Advance(FacebookProfiles.FailureLifetime + TimeSpan.FromMinutes(1));
        var second = Assert.Single(await ReadAsync(sut, Messages(Message("m_2", "Still crashing"))));

        Assert.Equal(new Requester(Handle: CustomerPsid), first.Requester);
        Assert.Equal(new Requester(Handle: CustomerPsid), second.Requester);
        Assert.Equal($"Messenger to {CustomerPsid}", first.ReplyRoute!.Destination);
        Assert.Equal(2, graph.Requests(FacebookGraphFake.ProfilePath(CustomerPsid)).Count);
        var logs = sut.Logs.GetSnapshot();
        Assert.Single(logs, l => l.Id.Id == 7108);
        Assert.Single(logs, l => l.Id.Id == 7109);
        Assert.DoesNotContain(logs, l => l.Message.Contains(FacebookGraphFake.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ProfileFailedRecently_IsNotAskedAgainWithinTheFailureLifetime()
    {
        graph.Fail(FacebookGraphFake.ProfilePath(CustomerPsid), 500, 2, null, "Service temporarily unavailable");
        using var sut = CreateSut();

        await ReadAsync(sut, Messages(Message("m_1", "The app crashes on start")));
        await ReadAsync(sut, Messages(Message("m_2", "Still crashing")));

        Assert.Single(graph.Requests(FacebookGraphFake.ProfilePath(CustomerPsid)));
    }

    [Fact]
    public async Task ReadAsync_ProfileTooSlow_KeepsThePsidAfterTheLookupTimeout()
    {
        graph.AnswerSlowly(FacebookGraphFake.ProfilePath(CustomerPsid), TimeSpan.FromSeconds(10));
        using var sut = CreateSut();

        // The lookup's timeout runs on the hub's clock.
        var result = await sut.PumpAsync(sut.ReadAsync(Messages(Message("m_1", "The app crashes on start"))), TimeSpan.FromMilliseconds(500));

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal(new Requester(Handle: CustomerPsid), record.Requester);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 7108 && l.Message.Contains("no answer within", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TwoSenders_AreNamedEach()
    {
        graph.Profile(CustomerPsid, "Ana", "Souza");
        graph.Profile(OtherPsid, "Bruno", "Reis");
        using var sut = CreateSut();

        var records = await ReadAsync(sut, Messages(Message("m_1", "Crash"), Message("m_2", "Login fails", sender: OtherPsid)));

        Assert.Equal(["Ana Souza", "Bruno Reis"], records.Select(r => r.Requester.Name));
    }

    [Fact]
    public async Task ReadAsync_Comment_IsNotLookedUp()
    {
        graph.Profile("4412356789012345", "Someone", "Else");
        using var sut = CreateSut();

        var record = Assert.Single(await ReadAsync(sut, Signed(Page(Entry(changes: [Comment("106358284731337_9182736455", "Still broken")])).ToJsonString())));

        Assert.Equal("Carlos Lima", record.Requester.Name);
        Assert.Empty(graph.Requests(FacebookGraphFake.ProfilePath("4412356789012345")));
    }

    [Fact]
    public async Task ReadAsync_WithoutAPageToken_MakesNoLookup()
    {
        graph.Profile(CustomerPsid, "Ana", "Souza");
        using var sut = FacebookSettings.Harness(new Dictionary<string, string?> { ["BaseUrl"] = graph.ApiUrl });

        var record = Assert.Single(await ReadAsync(sut, Messages(Message("m_1", "The app crashes on start"))));

        Assert.Equal(new Requester(Handle: CustomerPsid), record.Requester);
        Assert.Equal($"Messenger to {CustomerPsid}", record.ReplyRoute!.Destination);
        Assert.Empty(graph.Requests(FacebookGraphFake.ProfilePath(CustomerPsid)));
    }

    [Theory]
    [InlineData("instagram")]
    [InlineData("user")]
    [InlineData("permissions")]
    public async Task ReadAsync_OtherObject_IsAcknowledgedAndCountedByKind(string kind)
    {
        using var sut = FacebookSettings.Harness();
        using var ignored = new MetricCollector<long>(sut.Provider.GetRequiredService<IMeterFactory>(), FacebookWebhook.MeterName, FacebookWebhook.IgnoredCounter);
        var body = new JsonObject { ["object"] = kind, ["entry"] = new JsonArray() }.ToJsonString();

        Assert.Empty(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        var measurement = Assert.Single(ignored.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal(kind, measurement.Tags["kind"]);
    }

    [Fact]
    public async Task ReadAsync_PageObject_IsNotCountedAsIgnored()
    {
        using var sut = FacebookSettings.Harness();
        using var ignored = new MetricCollector<long>(sut.Provider.GetRequiredService<IMeterFactory>(), FacebookWebhook.MeterName, FacebookWebhook.IgnoredCounter);

        await sut.ReadAsync(Messages(Message("m_1", "Hello")));

        Assert.Empty(ignored.GetMeasurementSnapshot());
    }

    public void Dispose() => graph.Dispose();
}
