using System.Text.Json.Nodes;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Facebook.Tests.FacebookPayloads;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookWebhookTests
{
    private static AdapterHarness CreateSut(IDictionary<string, string?>? settings = null) => FacebookSettings.Harness(settings);

    private static Dictionary<string, string> Handshake(string mode = "subscribe", string token = VerifyToken, string? challenge = "1158201444") =>
        challenge is null
            ? new() { ["hub.mode"] = mode, ["hub.verify_token"] = token }
            : new() { ["hub.mode"] = mode, ["hub.verify_token"] = token, ["hub.challenge"] = challenge };

    [Fact]
    public async Task ReadAsync_HandshakeWithTheRightToken_AnswersTheChallengeAsText()
    {
        using var sut = CreateSut();

        var result = await sut.ReadAsync(Get(Handshake()));

        var answer = Assert.IsType<WebhookResult.Immediate>(result);
        Assert.Equal((200, "text/plain", "1158201444"), (answer.Status, answer.ContentType, answer.Body));
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", "")]
    [InlineData("unsubscribe", VerifyToken)]
    public async Task ReadAsync_HandshakeWithAWrongTokenOrMode_Is403(string mode, string token)
    {
        using var sut = CreateSut();

        var result = await sut.ReadAsync(Get(Handshake(mode, token)));

        Assert.Equal(403, Assert.IsType<WebhookResult.Rejected>(result).Status);
        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains(VerifyToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_HandshakeWithoutChallenge_IsInvalidNamingIt()
    {
        using var sut = CreateSut();

        var result = await sut.ReadAsync(Get(Handshake(challenge: null)));

        Assert.Equal("hub.challenge", Assert.IsType<WebhookResult.Rejected>(result).Field);
    }

    [Fact]
    public async Task ReadAsync_SignedMessage_BecomesAFacebookRecordKeyedByMid()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P", "Hi, our workspace is down since this morning")])).ToJsonString();

        var result = await sut.ReadAsync(Signed(body));

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal(("Facebook", "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P"), (record.Source, record.ExternalId));
        Assert.Equal(Channel.Facebook, record.Channel);
        Assert.Equal(new Requester(Handle: CustomerPsid), record.Requester);
        Assert.Equal("Hi, our workspace is down since this morning", record.Subject);
        Assert.Equal("Hi, our workspace is down since this morning", record.Body);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796126400000L), record.ReceivedAt);
        Assert.Equal(PageId, record.Diagnostics["pageId"]);
        Assert.Equal("message", record.Diagnostics["kind"]);
    }

    [Fact]
    public async Task ReadAsync_Message_CarriesTheSendersThreadKeyAndTheConfiguredWindow()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["ThreadWindow"] = "12:00:00" });
        var body = Page(Entry(messaging: [Message("m_1", "first"), Message("m_2", "second", timestamp: 1796126460000L)])).ToJsonString();

        var records = Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records;

        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal($"facebook:sender:{CustomerPsid}", r.ThreadKey);
            Assert.Equal(TimeSpan.FromHours(12), r.ThreadWindow);
        });
    }

    [Fact]
    public async Task ReadAsync_DefaultWindow_Is24Hours()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        Assert.Equal(TimeSpan.FromHours(24), record.ThreadWindow);
    }

    [Fact]
    public async Task ReadAsync_ZeroWindow_GivesNoThreadKey()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["ThreadWindow"] = "00:00:00" });
        var body = Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        Assert.Null(record.ThreadKey);
        Assert.Null(record.ThreadWindow);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha1=5d6f1b8bd01ed0a54e7e8e4b7b3c2a1f0e9d8c7b")]
    public async Task ReadAsync_MissingOrMalformedSignature_Is401WithNoRecord(string? signature)
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        var result = await sut.ReadAsync(Post(body, signature));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_SignatureWithAnotherSecret_Is401()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        var result = await sut.ReadAsync(Post(body, Sign(body, "someone-elses-secret")));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_BodyChangedAfterSigning_Is401()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        var result = await sut.ReadAsync(Post(body.Replace("hello", "hellO", StringComparison.Ordinal), Sign(body)));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_UppercaseHexSignature_IsAccepted()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        var result = await sut.ReadAsync(Post(body, "sha256=" + Sign(body)["sha256=".Length..].ToUpperInvariant()));

        Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
    }

    [Fact]
    public async Task ReadAsync_FeedComment_BecomesARecordKeyedByCommentIdWithTheCommenter()
    {
        using var sut = CreateSut();
        var body = Page(Entry(changes: [Comment("987654321_1122334455", "The Android app does not show new messages after the update")])).ToJsonString();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        Assert.Equal("987654321_1122334455", record.ExternalId);
        Assert.Equal(Channel.Facebook, record.Channel);
        Assert.Equal(new Requester(Name: "Carlos Lima", Handle: "4412356789012345"), record.Requester);
        Assert.Equal("The Android app does not show new messages after the update", record.Body);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796126460L), record.ReceivedAt);
        Assert.Equal("comment", record.Diagnostics["kind"]);
        Assert.Equal($"{PageId}_987654321", record.Diagnostics["postId"]);
        Assert.Equal("facebook:sender:4412356789012345", record.ThreadKey);
    }

    [Theory]
    [InlineData("edited", "comment")]
    [InlineData("remove", "comment")]
    [InlineData("add", "reaction")]
    [InlineData("edited", "status")]
    public async Task ReadAsync_FeedChangeThatIsNotANewCommentOrPost_MakesNoRecord(string verb, string item)
    {
        using var sut = CreateSut();
        var body = Page(Entry(changes: [Comment("c_1", "text", verb: verb, item: item)])).ToJsonString();

        Assert.Empty(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("post")]
    [InlineData("photo")]
    public async Task ReadAsync_VisitorsPostOnThePage_IsARecordAnsweredByACommentUnderIt(string item)
    {
        using var sut = CreateSut();
        var post = Post(item, "Is the service down? I cannot log in since 9am", fromId: "4412356789012345", fromName: "Carlos Lima");
        var body = Page(Entry(changes: [post])).ToJsonString();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        Assert.Equal($"{PageId}_555000111", record.ExternalId);
        Assert.Equal(new Requester(Name: "Carlos Lima", Handle: "4412356789012345"), record.Requester);
        Assert.Equal("Is the service down? I cannot log in since 9am", record.Body);
        Assert.Equal("post", record.Diagnostics["kind"]);
        Assert.Equal(FacebookReplyEvents.Comment, record.ReplyRoute!.EventType);
        Assert.Equal($"{PageId}_555000111", record.ReplyRoute.Data[FacebookReplyEvents.CommentId]);
        Assert.Equal("public comment under Carlos Lima's post on Facebook", record.ReplyRoute.Destination);
    }

    [Fact]
    public async Task ReadAsync_PagesOwnPost_MakesNoRecord()
    {
        using var sut = CreateSut();
        var body = Page(Entry(changes: [Post("status", "New release 4.3 is out", fromId: PageId, fromName: "Rocket.Chat")])).ToJsonString();

        Assert.Empty(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);
    }

    [Fact]
    public async Task ReadAsync_PagesOwnComment_MakesNoRecord()
    {
        using var sut = CreateSut();
        var body = Page(Entry(changes: [Comment("c_1", "Thanks, we are looking into it", fromId: PageId, fromName: "Rocket.Chat")])).ToJsonString();

        Assert.Empty(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);
    }

    [Fact]
    public async Task ReadAsync_EchoDeliveryAndRead_AreIgnoredBesideARealMessage()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_echo", "Our reply", echo: true), Delivery(), Read(), Message("m_real", "customer text")])).ToJsonString();

        var records = Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records;

        Assert.Equal("m_real", Assert.Single(records).ExternalId);
    }

    [Fact]
    public async Task ReadAsync_MessageWithAnAttachmentOnly_NamesItInTheBody()
    {
        using var sut = CreateSut();
        var attachments = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = "https://scontent.xx.fbcdn.net/v/t1.15752-9/screenshot.png" } });
        var body = Page(Entry(messaging: [Message("m_img", "", attachments: attachments)])).ToJsonString();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        Assert.Equal("[image] https://scontent.xx.fbcdn.net/v/t1.15752-9/screenshot.png", record.Body);
        Assert.Equal("Facebook message with an attachment", record.Subject);
        Assert.Equal("1", record.Diagnostics["attachments"]);
    }

    [Fact]
    public async Task ReadAsync_LongMessageWithEmoji_KeepsTheBodyAndShortensTheSubject()
    {
        using var sut = CreateSut();
        var text = "Olá! 👋 " + string.Concat(Enumerable.Repeat("O servidor caiu de novo depois da atualização. ", 5)) + "🔥";
        var body = Page(Entry(messaging: [Message("m_long", text)])).ToJsonString();

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);

        Assert.Equal(text, record.Body);
        Assert.True(record.Subject.Length <= 80);
        Assert.StartsWith("Olá! 👋 O servidor", record.Subject, StringComparison.Ordinal);
        Assert.EndsWith("…", record.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SameMessageTwiceInOneBatch_GivesOneRecord()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "hello")]), Entry(messaging: [Message("m_1", "hello")])).ToJsonString();

        Assert.Single(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);
    }

    [Fact]
    public async Task ReadAsync_PageIdsFilter_IgnoresOtherPages()
    {
        using var sut = CreateSut(new Dictionary<string, string?> { ["PageIds:0"] = PageId });
        var body = Page(Entry(messaging: [Message("m_other", "hello")], pageId: "999"), Entry(messaging: [Message("m_ours", "hello")])).ToJsonString();

        var records = Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records;

        Assert.Equal("m_ours", Assert.Single(records).ExternalId);
    }

    [Fact]
    public async Task ReadAsync_OtherObjectThanPage_IsAcceptedWithoutRecords()
    {
        using var sut = CreateSut();
        var body = new JsonObject { ["object"] = "instagram", ["entry"] = new JsonArray() }.ToJsonString();

        Assert.Empty(Assert.IsType<WebhookResult.Accepted>(await sut.ReadAsync(Signed(body))).Records);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[1]", "body")]
    [InlineData("""{"object":"page"}""", "entry")]
    public async Task ReadAsync_SignedButMalformedBody_IsInvalidNamingTheField(string body, string field)
    {
        using var sut = CreateSut();

        var rejected = Assert.IsType<WebhookResult.Rejected>(await sut.ReadAsync(Signed(body)));

        Assert.Equal((400, field), (rejected.Status, rejected.Field));
    }

    [Fact]
    public async Task ReadAsync_PutRequest_IsMethodNotAllowed()
    {
        using var sut = CreateSut();

        var result = await sut.ReadAsync(new WebhookRequest("PUT", new Dictionary<string, string>(), new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty));

        Assert.Equal(405, Assert.IsType<WebhookResult.Rejected>(result).Status);
    }

    [Fact]
    public async Task ReadAsync_NeverLogsTheSecretOrMessageText()
    {
        using var sut = CreateSut();
        var body = Page(Entry(messaging: [Message("m_1", "my password is hunter2")])).ToJsonString();

        await sut.ReadAsync(Signed(body));
        await sut.ReadAsync(Post(body, "sha256=00"));

        Assert.DoesNotContain(sut.Logs.GetSnapshot(), l => l.Message.Contains("hunter2", StringComparison.Ordinal) || l.Message.Contains(AppSecret, StringComparison.Ordinal));
    }
}
