using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.AppFollow.Tests.AppFollowFake;

namespace SyncHub.Adapters.AppFollow.Tests;

/// <summary>A review that already has a store answer: recorded as answered, and replaced only by the agent's explicit choice.</summary>
public sealed class AppFollowAnswerTests : IDisposable
{
    private const string ReviewKey = "gp:chat.rocket.android:gp:AOqpTOF1";
    private const string StoreAnswer = "Hi Ana, thanks for the report! Please reinstall the app.";

    private readonly AppFollowFake appFollow = new();

    private AdapterHarness CreateSut() => AppFollowSettings.Harness(appFollow);

    private async Task<IntakeRecord> ReadOneAsync(System.Text.Json.Nodes.JsonObject review)
    {
        appFollow.Page(Android, 1, null, 1, review);
        appFollow.Page(Ios, 1, null, 1);
        using var sut = CreateSut();
        var pages = await sut.Get<AppFollowSource>().ReadAllAsync();
        return Assert.Single(pages.SelectMany(p => p.Records));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30T00:00:00.0000000Z")]
    [InlineData("2026-11-30 10:15:42", "2026-11-30T10:15:42.0000000Z")]
    public async Task FetchAsync_ReviewWithAnAnswer_RecordsTheAnswerAndWhenItWasGiven(string answerDate, string answeredAt)
    {
        var record = await ReadOneAsync(Review("gp:AOqpTOF1", answer: StoreAnswer, answerDate: answerDate));

        Assert.Equal(StoreAnswer, record.Diagnostics[ReviewDiagnostics.AnswerText]);
        Assert.Equal(answeredAt, record.Diagnostics[ReviewDiagnostics.AnsweredAt]);
    }

    [Fact]
    public async Task FetchAsync_ReviewWithoutAnAnswer_RecordsNone()
    {
        var record = await ReadOneAsync(Review("gp:AOqpTOF1"));

        Assert.False(record.Diagnostics.ContainsKey(ReviewDiagnostics.AnswerText));
        Assert.False(record.Diagnostics.ContainsKey(ReviewDiagnostics.AnsweredAt));
    }

    [Fact]
    public async Task FetchAsync_AnswerWithoutADate_RecordsTheTextOnly()
    {
        var record = await ReadOneAsync(Review("gp:AOqpTOF1", answer: StoreAnswer));

        Assert.Equal(StoreAnswer, record.Diagnostics[ReviewDiagnostics.AnswerText]);
        Assert.False(record.Diagnostics.ContainsKey(ReviewDiagnostics.AnsweredAt));
    }

    [Fact]
    public async Task FetchAsync_EveryReview_CarriesItsReplyRoute()
    {
        var record = await ReadOneAsync(Review("gp:AOqpTOF1", wasChanged: 1, updated: "2026-11-30 11:00:00"));

        var route = Assert.IsType<ReplyRoute>(record.ReplyRoute);
        Assert.Equal(ReviewEvents.Reply, route.EventType);
        Assert.Equal(
            new Dictionary<string, string> { ["reviewId"] = ReviewKey, ["appId"] = Android, ["store"] = "gp" },
            route.Data);
        Assert.Equal("reply to the Google Play review", route.Destination);
        Assert.Equal("SyncHub:Adapters:AppFollow:ApiToken", route.Setting);
        Assert.Null(route.Until);
    }

    [Fact]
    public async Task DeliverAsync_ReviewWithAStoreAnswer_IsRefusedForGoodUnlessTheAgentReplaces()
    {
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"), storeAnswer: StoreAnswer);
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(
            () => sut.Notifier(AppFollowReplyNotifier.NotifierName).DeliverAsync(AppFollowSettings.Reply(ReviewKey), CancellationToken.None));

        Assert.Equal(DeliveryFailureKind.Permanent, error.Kind);
        Assert.Contains("already has a store answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("replace", error.Message, StringComparison.Ordinal);
        Assert.Empty(appFollow.ReplyRequests);
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 8103);
    }

    [Fact]
    public async Task DeliverAsync_AgentChoseToReplace_PostsTheReplyOverTheStoreAnswer()
    {
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"), storeAnswer: StoreAnswer);
        using var sut = CreateSut();
        var reply = AppFollowSettings.Reply(ReviewKey);
        reply = reply with { Data = new Dictionary<string, string>(reply.Data) { [ReplyRoute.ReplaceKey] = "true" } };

        var receipt = await sut.Notifier(AppFollowReplyNotifier.NotifierName).DeliverAsync(reply, CancellationToken.None);

        var post = Assert.Single(appFollow.AcceptedReplies);
        Assert.Equal(reply.Data[ReviewEvents.Text], (string?)Body(post)["answer_text"]);
        Assert.Null(receipt.ToolMessageId);
    }

    [Fact]
    public async Task DeliverAsync_EventFromTheReplyRoute_PostsToTheReviewItNames()
    {
        appFollow.Answerable(Ios, Review(884964243, store: "as"));
        using var sut = CreateSut();
        var route = AppFollowReviewMapper.Route(new AppFollowReviewKey("as", Ios, "884964243"));
        var reply = AppFollowSettings.Reply("unused") with
        {
            Type = route.EventType,
            Data = new Dictionary<string, string>(route.Data) { [ReplyRoute.TextKey] = "Obrigado!" },
        };

        await sut.Notifier(AppFollowReplyNotifier.NotifierName).DeliverAsync(reply, CancellationToken.None);

        var body = Body(Assert.Single(appFollow.AcceptedReplies));
        Assert.Equal((Ios, "884964243", "Obrigado!"), ((string?)body["ext_id"], (string?)body["review_id"], (string?)body["answer_text"]));
    }

    public void Dispose() => appFollow.Dispose();
}
