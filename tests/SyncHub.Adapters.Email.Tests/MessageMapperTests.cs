using SyncHub.Domain;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>Mapping details that need no server: charsets, HTML, limits, placeholders.</summary>
public sealed class MessageMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static MailContext Context(int maxBodyChars = 100_000, long maxAttachmentBytes = 1024, int maxDepth = 12, int maxParts = 250) =>
        new("INBOX", At, new MailLimits(maxBodyChars, maxAttachmentBytes, maxDepth, maxParts));

    private static IntakeRecord Map(string raw, MailContext? context = null) => MessageMapper.Map(Parse.Message(raw), context ?? Context());

    [Fact]
    public void Map_Plain_HasEmailChannelNoPriorityAndTheReceivedTime()
    {
        var record = Map(Mail.Plain("m1@example.com"));

        Assert.Equal(Channel.Email, record.Channel);
        Assert.Null(record.PriorityHint);
        Assert.Equal(At, record.ReceivedAt);
        Assert.Equal("INBOX", record.Diagnostics[DiagnosticKeys.Folder]);
    }

    [Fact]
    public void Map_Reply_RouteAnswersThisMessageWithItsChainInReferences()
    {
        var references = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"<r{i}@example.com>"));
        var record = Map(Mail.Plain("latest@example.com", subject: "Re: [#10001] Export fails", extraHeaders: [$"References: {references}", "Reply-To: Ana <ana.souza@example.org>"]));

        var route = Assert.IsType<ReplyRoute>(record.ReplyRoute);
        Assert.Equal((MailEvents.Reply, MailEvents.NotifierSetting, "e-mail to ana.souza@example.org"), (route.EventType, route.Setting, route.Destination));
        Assert.Equal(("ana.souza@example.org", "latest@example.com", "Re: [#10001] Export fails", "false"), (route.Data[MailEvents.To], route.Data[MailEvents.InReplyTo], route.Data[MailEvents.Subject], route.Data[MailEvents.Automatic]));
        var chain = route.Data[MailEvents.References].Split(' ');
        Assert.Equal(MessageMapper.MaxReferences, chain.Length);
        Assert.Equal(["<r1@example.com>", "<r13@example.com>"], chain[..2]);
        Assert.Equal(["<r30@example.com>", "<latest@example.com>"], chain[^2..]);
    }

    [Fact]
    public void Map_NoSenderAddress_HasNoReplyRoute() =>
        Assert.Null(Map(Mail.Plain("nobody@example.com", from: "undisclosed-recipients:;")).ReplyRoute);

    [Fact]
    public void Map_UnknownBodyCharset_DecodesWithAFallbackAndANote()
    {
        var raw = Mail.Plain("m2@example.com", body: "ok").Replace("charset=utf-8", "charset=x-klingon", StringComparison.Ordinal).Replace("ok", "Ol\u00e1", StringComparison.Ordinal);

        var record = Map(raw);

        Assert.Equal("Olá", record.Body.Trim());
        Assert.Contains("body: unknown charset 'x-klingon'", record.Diagnostics[DiagnosticKeys.Notes], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=?windows-1252?Q?Caf=E9_=80?=", "Café €")]
    [InlineData("=?koi8-r?B?8NLJ18XU?=", "Привет")]
    [InlineData("=?ISO-2022-JP?B?GyRCJEskWyRzJDQbKEI=?=", "にほんご")]
    public void Map_LegacyCharsetSubjects_AreDecoded(string encoded, string expected)
    {
        var record = Map(Mail.Plain("m3@example.com", subject: encoded));

        Assert.Equal(expected, record.Subject);
        Assert.False(record.Diagnostics.ContainsKey(DiagnosticKeys.Notes));
    }

    [Fact]
    public void Map_EmptySubject_IsNoSubject() => Assert.Equal("(no subject)", Map(Mail.Plain("m4@example.com", subject: " ")).Subject);

    [Fact]
    public void Map_SubjectOverTheStoreLimit_IsCutWithANote()
    {
        var record = Map(Mail.Plain("m5@example.com", subject: new string('s', 1500)));

        Assert.Equal(1000, record.Subject.Length);
        Assert.Contains("subject truncated from 1500 to 1000 characters", record.Diagnostics[DiagnosticKeys.Notes], StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TruncationInsideASurrogatePair_DoesNotSplitIt()
    {
        var record = Map(Mail.Plain("m6@example.com", body: "abcd😀xyz"), Context(maxBodyChars: 5));

        Assert.Equal("abcd", record.Body);
    }

    [Fact]
    public void Map_AttachmentOverTheLimit_IsListedAsOverTheLimit()
    {
        var record = Map(Mail.WithAttachment("m7@example.com", "big.zip", "application/zip", new byte[4096]), Context(maxAttachmentBytes: 1000));

        Assert.Equal("big.zip (application/zip, 4096 bytes, over the size limit)", record.Diagnostics[DiagnosticKeys.Attachments]);
    }

    [Fact]
    public void Map_ParserDepthLimitReached_IsNoted()
    {
        var message = Parse.Message(Mail.DeeplyNested("m8@example.com", 30), maxMimeDepth: 6);

        var record = MessageMapper.Map(message, Context(maxDepth: 12));

        Assert.Contains("MIME nesting deeper than 12 levels was not read", record.Diagnostics[DiagnosticKeys.Notes], StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MissingMessageId_HashDependsOnTheContent()
    {
        var first = Map(Mail.Plain(null, body: "one"));
        var same = Map(Mail.Plain(null, body: "one"));
        var other = Map(Mail.Plain(null, body: "two"));

        Assert.Equal(first.ExternalId, same.ExternalId);
        Assert.NotEqual(first.ExternalId, other.ExternalId);
    }

    [Fact]
    public void Map_OverlongMessageId_IsHashedWithinTheIdLimit()
    {
        var record = Map(Mail.Plain(new string('x', 600) + "@example.com"));

        Assert.StartsWith("sha256:", record.ExternalId, StringComparison.Ordinal);
        Assert.True(record.ThreadKey!.Length <= SyncHub.Adapters.RecordLimits.MaxIdLength);
    }

    [Fact]
    public void Map_NoFrom_HasAnUnknownRequester() =>
        Assert.Equal(Requester.Unknown, Map(Mail.Raw(["Subject: x", "Message-ID: <m9@x>"], "hi")).Requester);

    [Fact]
    public void Unreadable_Placeholder_HasTheSubjectReasonAndThreadKey()
    {
        var record = MessageMapper.Unreadable("sha256:00", "it is not a parseable e-mail message", Context());

        Assert.Equal("(unreadable message)", record.Subject);
        Assert.Contains("it is not a parseable e-mail message", record.Body, StringComparison.Ordinal);
        Assert.Equal("mail:sha256:00", record.ThreadKey);
        Assert.Equal("it is not a parseable e-mail message", record.Diagnostics[DiagnosticKeys.Notes]);
        Assert.Null(SyncHub.Pipeline.RecordValidator.Problem(record));
    }

    [Fact]
    public void Map_FormatFlowed_JoinsSoftLineBreaks()
    {
        var raw = Mail.Plain("m10@example.com", body: "This line was wrapped \nby the client.\nNew line.")
            .Replace("charset=utf-8", "charset=utf-8; format=flowed", StringComparison.Ordinal);

        Assert.Equal("This line was wrapped by the client.\nNew line.", Map(raw).Body.Trim());
    }

    [Fact]
    public void Unreadable_OverlongId_KeepsTheThreadKeyWithinTheLimit()
    {
        var record = MessageMapper.Unreadable(MessageMapper.ExternalIdFor(new string('x', 600) + "@example.com")!, "broken", Context());

        Assert.Null(SyncHub.Pipeline.RecordValidator.Problem(record));
    }

    [Fact]
    public void HtmlText_TablesLinksAndEntities_BecomeReadableText() =>
        Assert.Equal(
            "Order Status\n#42 Paid\nSee the guide &lt; here.",
            HtmlText.Convert("<table><tr><td>Order</td><td>Status</td></tr><tr><td>#42</td><td>Paid</td></tr></table><div>See <a href=\"https://x\">the guide</a> &amp;lt; here.</div><!-- hidden -->"));
}
