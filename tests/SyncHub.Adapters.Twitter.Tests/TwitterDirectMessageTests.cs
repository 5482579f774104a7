using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Twitter.Tests.XUserFake;

namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TwitterDirectMessageTests : IDisposable
{
    private const string Due = ";dm>";
    private readonly XUserFake x = new();

    [Fact]
    public async Task FetchAsync_DirectMessagesDue_AsksDmEventsWithTheUserTokenAndTheDocumentedFields()
    {
        x.DmPage(null, null, Dm("1870000000000000101", "Hi, I can't log in"));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var page = await harness.Get<TwitterSource>().FetchAsync(Due, CancellationToken.None);

        var request = Assert.Single(x.Requests);
        Assert.Equal(("GET", "/2/dm_events", "Bearer " + UserAccessToken), (request.Method, request.Path, request.Authorization));
        var logged = x.RequestQueries.Single();
        Assert.Equal("id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids", logged["dm_event.fields"]);
        Assert.Equal("MessageCreate", logged["event_types"]);
        Assert.Equal("sender_id", logged["expansions"]);
        Assert.Equal("username,name", logged["user.fields"]);
        Assert.False(page.HasMore);
        Assert.Equal(";dm=1870000000000000101", page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_DirectMessage_BecomesAPrivateThreadAnsweredByDirectMessage()
    {
        x.DmPage(null, null, Dm("1870000000000000101", "Hi, I can't log in to my workspace"));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var record = Assert.Single((await harness.Get<TwitterSource>().FetchAsync(Due, CancellationToken.None)).Records);

        Assert.Equal(("Twitter", "dm:1870000000000000101", Channel.Twitter), (record.Source, record.ExternalId, record.Channel));
        Assert.Equal($"twitter:dm:{CustomerId}-{TwitterFake.SupportUserId}", record.ThreadKey);
        Assert.Equal(TimeSpan.FromHours(24), record.ThreadWindow);
        Assert.Equal(new Requester(Name: "Ana Souza", Handle: "@anasouza_dev"), record.Requester);
        Assert.Equal("Hi, I can't log in to my workspace", record.Body);
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T11:40:00Z", System.Globalization.CultureInfo.InvariantCulture), record.ReceivedAt);
        Assert.Equal("dm", record.Diagnostics["xKind"]);
        var route = record.ReplyRoute!;
        Assert.Equal(TwitterReplyEvents.DirectMessage, route.EventType);
        Assert.Equal(CustomerId, route.Data[TwitterReplyEvents.ParticipantId]);
        Assert.Equal("direct message to @anasouza_dev on X", route.Destination);
        Assert.Equal("SyncHub:Adapters:Twitter:UserAccessToken", route.Setting);
        RecordAssert.Conforms(record, "Twitter");
    }

    [Fact]
    public async Task FetchAsync_OwnDirectMessages_MakeNoRecordButMoveTheCursor()
    {
        x.DmPage(null, null, Dm("1870000000000000103", "We are looking into it", senderId: TwitterFake.SupportUserId), Dm("1870000000000000102", "Still broken"));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));

        var page = await harness.Get<TwitterSource>().FetchAsync(Due, CancellationToken.None);

        Assert.Equal(["dm:1870000000000000102"], page.Records.Select(r => r.ExternalId));
        Assert.Equal(";dm=1870000000000000103", page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_Paging_ReadsDownToTheCheckpointThenCommitsTheNewest()
    {
        x.DmPage(null, "dm-p2", Dm("1870000000000000205", "five"), Dm("1870000000000000204", "four"));
        x.DmPage("dm-p2", "dm-p3", Dm("1870000000000000203", "three"), Dm("1870000000000000202", "two"));
        x.DmPage("dm-p3", "dm-p4", Dm("1870000000000000201", "one"), Dm("1870000000000000200", "read before"));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));
        var source = harness.Get<TwitterSource>();
        var cursor = "1866000000000000000;dm>1870000000000000200";
        var pages = new List<IntakePage>();

        do
        {
            var page = await source.FetchAsync(cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor!;
        }
        while (pages[^1].HasMore);

        Assert.Equal(
            ["1866000000000000000;dm=1870000000000000200|1870000000000000205|dm-p2", "1866000000000000000;dm=1870000000000000200|1870000000000000205|dm-p3", "1866000000000000000;dm=1870000000000000205"],
            pages.Select(p => p.NextCursor));
        Assert.Equal(
            ["dm:1870000000000000201", "dm:1870000000000000202", "dm:1870000000000000203", "dm:1870000000000000204", "dm:1870000000000000205"],
            pages.SelectMany(p => p.Records).Select(r => r.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal([null, "dm-p2", "dm-p3"], x.RequestQueries.Select(q => q.GetValueOrDefault("pagination_token")));
    }

    [Fact]
    public async Task FetchAsync_MentionsRoundEnds_DirectMessagesAreDueNext()
    {
        x.DmPage(null, null, Dm("1870000000000000301", "Hello"));
        using var harness = new AdapterHarness(new TwitterModule(), TwitterSettings.OAuth2(x));
        var source = harness.Get<TwitterSource>();

        var mentions = await source.FetchAsync("1866000000000000000;dm=1870000000000000300", CancellationToken.None);
        var messages = await source.FetchAsync(mentions.NextCursor, CancellationToken.None);

        Assert.Equal(("1866000000000000000;dm>1870000000000000300", true), (mentions.NextCursor, mentions.HasMore));
        Assert.Equal(("1866000000000000000;dm=1870000000000000301", false), (messages.NextCursor, messages.HasMore));
        Assert.Equal(["dm:1870000000000000301"], messages.Records.Select(r => r.ExternalId));
    }

    [Fact]
    public async Task FetchAsync_WithoutUserCredentials_ReadsNoDirectMessages()
    {
        using var fake = new TwitterFake();
        fake.Page("1110", null, null, []);
        using var harness = TwitterSettings.Harness(fake);

        var page = await harness.Get<TwitterSource>().FetchAsync("1110", CancellationToken.None);

        Assert.Equal(("1110", false), (page.NextCursor, page.HasMore));
    }

    public void Dispose() => x.Dispose();
}
