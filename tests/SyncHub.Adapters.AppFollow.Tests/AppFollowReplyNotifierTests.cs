using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.AppFollow.Tests.AppFollowFake;

namespace SyncHub.Adapters.AppFollow.Tests;

public sealed class AppFollowReplyNotifierTests : IDisposable
{
    private const string ReviewKey = "gp:chat.rocket.android:gp:AOqpTOF1";

    private readonly AppFollowFake appFollow = new();

    private AdapterHarness CreateSut() => AppFollowSettings.Harness(appFollow);

    [Fact]
    public async Task SendAsync_UnansweredReview_PostsTheAnswerOnceWithTheDocumentedBody()
    {
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"));
        using var sut = CreateSut();

        await sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(AppFollowSettings.Reply(ReviewKey), CancellationToken.None);

        var post = Assert.Single(appFollow.ReplyRequests);
        var body = Body(post);
        Assert.Equal(Android, (string?)body["ext_id"]);
        Assert.Equal("gp:AOqpTOF1", (string?)body["review_id"]);
        Assert.Equal("Thanks, Ana! Version 4.2.1 fixes the crash; please update.", (string?)body["answer_text"]);
        Assert.Equal(Token, post.RequestMessage.Headers!["X-AppFollow-API-Token"].Single());
        Assert.Contains(sut.Logs.GetSnapshot(), l => l.Id.Id == 8101);
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenRetry_PostsTheSameAnswerAndAppFollowKeepsOne()
    {
        appFollow.Answerable(Ios, Review(884964243, store: "as"), failures: 1);
        using var sut = CreateSut();
        var reply = AppFollowSettings.Reply("as:1148741252:884964243");

        var error = await Assert.ThrowsAsync<AppFollowException>(() => sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None));
        await sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.IsNotType<AppFollowRejectedException>(error);
        Assert.Equal(2, appFollow.ReplyRequests.Count);
        Assert.Single(appFollow.AcceptedReplies);
        Assert.Equal(["884964243", "884964243"], appFollow.ReplyRequests.Select(r => (string?)Body(r)["review_id"]));
        Assert.Single(appFollow.ReplyRequests.Select(r => (string?)Body(r)["answer_text"]).Distinct());
    }

    [Fact]
    public async Task SendAsync_OutOfCredits_IsLeftToTheOutboxToRetryNotRefusedForGood()
    {
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"), failures: 1, failureStatus: 402);
        using var sut = CreateSut();
        var reply = AppFollowSettings.Reply(ReviewKey);

        var error = await Assert.ThrowsAsync<AppFollowCreditsException>(() => sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None));
        await sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None);

        Assert.Contains("out of API credits", error.Message, StringComparison.Ordinal);
        Assert.Single(appFollow.AcceptedReplies);
    }

    [Fact]
    public async Task SendAsync_RetriedByAnotherInstanceAfterTheAnswerWasPosted_DoesNotPostTwice()
    {
        appFollow.Answerable(Android, Review("gp:AOqpTOF1"));
        var reply = AppFollowSettings.Reply(ReviewKey);
        using (var first = CreateSut())
        {
            await first.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None);
        }

        // The first instance died before the outbox acknowledged the event: a new instance gets it again.
        using var second = CreateSut();
        await second.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None);

        Assert.Single(appFollow.ReplyRequests);
        Assert.Contains(second.Logs.GetSnapshot(), l => l.Id.Id == 8102);
    }

    [Fact]
    public async Task SendAsync_EventWithPlainReviewIdAndAppKeys_PostsToThatApp()
    {
        appFollow.Answerable(Ios, Review(884964243, store: "as"));
        using var sut = CreateSut();
        var reply = AppFollowSettings.Reply("884964243") with
        {
            Data = new Dictionary<string, string>
            {
                [ReviewEvents.ReviewId] = "884964243",
                [ReviewEvents.Text] = "Obrigado!",
                ["appId"] = Ios,
                ["store"] = "as",
            },
        };

        await sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(reply, CancellationToken.None);

        Assert.Equal(Ios, (string?)Body(Assert.Single(appFollow.AcceptedReplies))["ext_id"]);
    }

    [Fact]
    public async Task SendAsync_ReviewIdThatIsNoAppFollowKey_IsRejectedNamingTheKeys()
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(() => sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(AppFollowSettings.Reply("10423"), CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Contains("appId", error.Message, StringComparison.Ordinal);
        Assert.Empty(appFollow.ReplyRequests);
    }

    [Fact]
    public async Task SendAsync_GooglePlayReplyOverTheStoreLimit_IsRejectedWithoutCallingAppFollow()
    {
        using var sut = CreateSut();

        var error = await Assert.ThrowsAsync<DeliveryException>(
            () => sut.Notifier(AppFollowReplyNotifier.NotifierName).SendAsync(AppFollowSettings.Reply(ReviewKey, new string('a', 351)), CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Contains("350", error.Message, StringComparison.Ordinal);
        Assert.Empty(appFollow.ReviewRequests);
    }

    [Fact]
    public void Handles_ReviewReplies_AndNothingElse()
    {
        using var sut = CreateSut();

        Assert.True(sut.Notifier(AppFollowReplyNotifier.NotifierName).Handles(AppFollowSettings.Reply(ReviewKey)));
        Assert.False(sut.Notifier(AppFollowReplyNotifier.NotifierName).Handles(AppFollowSettings.Reply(ReviewKey) with { Type = ChatEvents.Message }));
        Assert.False(sut.Notifier(AppFollowReplyNotifier.NotifierName).Handles(AppFollowSettings.Reply(ReviewKey) with { Target = "RocketChat" }));
        Assert.Equal("AppFollowReply", sut.Notifier(AppFollowReplyNotifier.NotifierName).Name);
    }

    public void Dispose() => appFollow.Dispose();
}
