using System.Text;
using MailKit;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The Email source against a real dovecot: mapping, threading, loop protection, cursors, limits.</summary>
public sealed class EmailSourceTests(DovecotServer imap) : IClassFixture<DovecotServer>
{
    /// <summary>Puts one message in a fresh mailbox and reads it back as the one record it must make.</summary>
    private async Task<IntakeRecord> ReadSingleAsync(string raw, Action<EmailOptions>? configure = null)
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", raw);
        await using var sut = SourceUnderTest.For(imap, user, configure);
        return Assert.Single((await sut.FetchAsync(null)).Records);
    }

    [Fact]
    public async Task FetchAsync_PlainMessage_MapsRequesterSubjectBodyAndIds()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("plain-1@example.com", extraHeaders: "X-Mailer: Thunderbird 128.3"));
        await using var sut = SourceUnderTest.For(imap, user);

        var page = await sut.FetchAsync(null);

        var record = Assert.Single(page.Records);
        Assert.Equal("Email", record.Source);
        Assert.Equal("plain-1@example.com", record.ExternalId);
        Assert.Equal(Channel.Email, record.Channel);
        Assert.Equal(new Requester("Ana Souza", "ana@example.com"), record.Requester);
        Assert.Equal("Cannot log in", record.Subject);
        Assert.Equal("The desktop app says my password is wrong.", record.Body.Trim());
        Assert.Equal("mail:plain-1@example.com", record.ThreadKey);
        Assert.Null(record.PriorityHint);
        Assert.Equal("plain-1@example.com", record.Diagnostics["messageId"]);
        Assert.Equal("Thunderbird 128.3", record.Diagnostics["mailer"]);
        Assert.Equal("INBOX", record.Diagnostics["folder"]);
        Assert.False(record.Diagnostics.ContainsKey("notes"));
        Assert.False(page.HasMore);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task FetchAsync_ReplyToHeader_RequesterIsTheReplyToAddress()
    {
        var record = await ReadSingleAsync(Mail.Plain("replyto-1@example.com", from: "Forms <noreply@forms.example.com>", extraHeaders: "Reply-To: =?UTF-8?Q?Jo=C3=A3o_Lima?= <joao@example.com>"));

        Assert.Equal(new Requester("João Lima", "joao@example.com"), record.Requester);
    }

    [Fact]
    public async Task FetchAsync_EncodedWordSubjects_AreDecodedFromUtf8AndIso88591()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(
            user,
            "INBOX",
            Mail.Plain("utf8-subject@example.com", subject: "=?UTF-8?B?TsOjbyBjb25zaWdvIGFjZXNzYXIgYSBjb25maWd1cmHDp8Ojbw==?="),
            Mail.Plain("latin1-subject@example.com", subject: "=?ISO-8859-1?Q?Atualiza=E7=E3o_do_servi=E7o?= urgente", from: "=?ISO-8859-1?Q?S=E9rgio?= <sergio@example.com>"));
        await using var sut = SourceUnderTest.For(imap, user);

        var records = (await sut.FetchAsync(null)).Records;

        Assert.Equal("Não consigo acessar a configuração", records[0].Subject);
        Assert.Equal("Atualização do serviço urgente", records[1].Subject);
        Assert.Equal("Sérgio", records[1].Requester.Name);
        Assert.All(records, r => Assert.False(r.Diagnostics.ContainsKey("notes")));
    }

    [Fact]
    public async Task FetchAsync_UnknownCharset_FallsBackWithANote()
    {
        var record = await ReadSingleAsync(Mail.Plain("bogus-charset@example.com", subject: "=?x-no-such-charset?Q?Ol=E1?= world"));

        Assert.Contains("world", record.Subject, StringComparison.Ordinal);
        Assert.Contains("unknown charset 'x-no-such-charset'", record.Diagnostics["notes"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MultipartAlternative_TakesTheTextPart()
    {
        var record = await ReadSingleAsync(Mail.Alternative("alt-1@example.com", "Invoice 42 is charged twice.", "<p>Invoice <b>42</b> is charged <i>twice</i> (HTML).</p>"));

        Assert.Equal("Invoice 42 is charged twice.", record.Body.Trim());
        Assert.False(record.Diagnostics.ContainsKey("attachments"));
    }

    [Fact]
    public async Task FetchAsync_HtmlOnlyMessage_TurnsTheHtmlIntoText()
    {
        var record = await ReadSingleAsync(
            Mail.HtmlOnly("html-1@example.com", "<html><head><style>p { color: red }</style><script>alert(1)</script></head><body><p>Hello&nbsp;team,</p><p>The <b>export</b> fails &amp; stops.<br>Steps:</p><ul><li>Open</li><li>Export</li></ul></body></html>"));

        Assert.Equal("Hello team,\nThe export fails & stops.\nSteps:\n- Open\n- Export", record.Body);
    }

    [Fact]
    public async Task FetchAsync_Attachment_RecordsMetadataOnly()
    {
        var user = imap.NewUser();
        var content = Encoding.ASCII.GetBytes("2026-11-30 ERROR sync failed\n");
        await imap.AppendAsync(user, "INBOX", Mail.WithAttachment("att-1@example.com", "sync.log", "text/x-log", content));
        await using var sut = SourceUnderTest.For(imap, user);

        var record = Assert.Single((await sut.FetchAsync(null)).Records);

        Assert.Equal($"sync.log (text/x-log, {content.Length} bytes)", record.Diagnostics["attachments"]);
        Assert.Equal("Please find the log attached.", record.Body.Trim());
        Assert.DoesNotContain("ERROR sync failed", record.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ReplyWithReferences_ThreadsToTheRootMessage()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(
            user,
            "INBOX",
            Mail.Plain("reply-2@example.com", subject: "Re: Cannot log in", extraHeaders: ["In-Reply-To: <synchub.answer@synchub.test>", "References: <root-1@example.com> <synchub.answer@synchub.test>"]),
            Mail.Plain("reply-3@example.com", subject: "Re: Cannot log in", extraHeaders: "In-Reply-To: <root-9@example.com>"));
        await using var sut = SourceUnderTest.For(imap, user);

        var records = (await sut.FetchAsync(null)).Records;

        Assert.Equal("mail:root-1@example.com", records[0].ThreadKey);
        Assert.Equal("synchub.answer@synchub.test", records[0].Diagnostics["inReplyTo"]);
        Assert.Equal("mail:root-9@example.com", records[1].ThreadKey);
    }

    [Fact]
    public async Task FetchAsync_ReferencesStartingWithAnUnknownRoot_ThreadsOntoTheKnownMessage()
    {
        // The thread started elsewhere (a colleague's mail we never got); the client lists that root first and our
        // conversation's message last, with In-Reply-To naming another unknown message.
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("known-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user);
        var first = await sut.FetchAsync(null);
        Assert.Equal("mail:known-1@example.com", Assert.Single(first.Records).ThreadKey);

        await imap.AppendAsync(
            user,
            "INBOX",
            Mail.Plain("reply-4@example.com", subject: "Re: Cannot log in", extraHeaders: ["In-Reply-To: <cc-answer@partner.example>", "References: <elsewhere-root@partner.example> <known-1@example.com> <cc-answer@partner.example>"]),
            Mail.Plain("reply-5@example.com", subject: "Re: Cannot log in", extraHeaders: ["In-Reply-To: <reply-4@example.com>", "References: <unknown-root@partner.example> <reply-4@example.com>"]),
            Mail.Plain("reply-6@example.com", subject: "Re: Other thread", extraHeaders: ["In-Reply-To: <stranger-2@partner.example>", "References: <stranger-1@partner.example> <stranger-2@partner.example>"]));

        // A new source instance: what it knows comes from the committed cursor alone.
        await using var restarted = SourceUnderTest.For(imap, user);
        var records = (await restarted.FetchAsync(first.NextCursor)).Records;

        Assert.Equal(["mail:known-1@example.com", "mail:known-1@example.com", "mail:stranger-1@partner.example"], records.Select(r => r.ThreadKey));
    }

    [Fact]
    public async Task FetchAsync_SubjectWithTicketTag_ThreadsToTheTicket()
    {
        var record = await ReadSingleAsync(Mail.Plain("tagged-1@example.com", subject: "RE: [#10423] Cannot log in", extraHeaders: "References: <root-1@example.com>"));

        Assert.Equal("ticket:10423", record.ThreadKey);
        Assert.Equal("tagged-1@example.com", record.ExternalId);
    }

    [Fact]
    public async Task FetchAsync_AutoRepliesAndBounces_CreateNoRecordButTheCursorMovesPastThem()
    {
        var user = imap.NewUser();
        var uids = await imap.AppendAsync(
            user,
            "INBOX",
            Mail.Plain("ooo-1@example.com", subject: "Out of office", body: "SECRET-BODY I am away", extraHeaders: "Auto-Submitted: auto-replied"),
            Mail.Plain("ooo-2@example.com", subject: "Autoreply", extraHeaders: "X-Autoreply: yes"),
            Mail.Plain("bulk-1@example.com", subject: "Newsletter", extraHeaders: "Precedence: bulk"),
            Mail.Bounce("dsn-1@mx.example.com"),
            Mail.Plain("pm-1@example.com", subject: "Delivery delayed", from: "postmaster@example.com"),
            Mail.Plain("real-1@example.com", subject: "Real question", extraHeaders: "Auto-Submitted: no"));
        await using var sut = SourceUnderTest.For(imap, user);

        var page = await sut.FetchAsync(null);

        var record = Assert.Single(page.Records);
        Assert.Equal("real-1@example.com", record.ExternalId);
        Assert.Contains($"\"lastUid\":{uids[^1]}", page.NextCursor, StringComparison.Ordinal);
        var byReason = sut.Ignored.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["reason"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(1, byReason[IgnoreReasons.AutoSubmitted]);
        Assert.Equal(1, byReason[IgnoreReasons.AutoReply]);
        Assert.Equal(1, byReason[IgnoreReasons.Precedence]);
        Assert.Equal(2, byReason[IgnoreReasons.Bounce]);
        var ignoredLogs = sut.Logger.Collector.GetSnapshot().Where(l => l.Id.Id == 5005).ToList();
        Assert.Equal(5, ignoredLogs.Count);
        Assert.Contains(ignoredLogs, l => l.Message.Contains("ooo-1@example.com", StringComparison.Ordinal) && l.Message.Contains("auto_submitted", StringComparison.Ordinal));
        Assert.DoesNotContain(sut.Logger.Collector.GetSnapshot(), l => l.Message.Contains("SECRET-BODY", StringComparison.Ordinal));
        Assert.Empty((await sut.FetchAsync(page.NextCursor)).Records);
    }

    [Fact]
    public async Task FetchAsync_MailFromOwnAddress_IsIgnored()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(
            user,
            "INBOX",
            Mail.Plain("own-1@synchub.test", from: "Support <Support@SyncHub.test>"),
            Mail.Plain(OutboundMessageId.For("evt-1", "synchub.test"), subject: "[#7] Re: Cannot log in", from: "Support Team <team@synchub.test>"),
            Mail.Plain("customer-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user, o => o.OwnAddresses.Add("support@synchub.test"));

        var page = await sut.FetchAsync(null);

        Assert.Equal("customer-1@example.com", Assert.Single(page.Records).ExternalId);
        var reasons = sut.Ignored.GetMeasurementSnapshot().Select(m => (string)m.Tags["reason"]!).ToList();
        Assert.Equal([IgnoreReasons.OwnAddress, IgnoreReasons.OwnMessage], reasons);
    }

    [Fact]
    public async Task FetchAsync_MissingMessageId_UsesAStableContentHash()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain(null, subject: "No id here"));

        string firstId;
        await using (var first = SourceUnderTest.For(imap, user))
        {
            firstId = Assert.Single((await first.FetchAsync(null)).Records).ExternalId;
        }

        await using var second = SourceUnderTest.For(imap, user);
        var again = Assert.Single((await second.FetchAsync(null)).Records);

        Assert.StartsWith("sha256:", firstId, StringComparison.Ordinal);
        Assert.Equal(firstId, again.ExternalId);
        Assert.Equal("mail:" + firstId, again.ThreadKey);
        Assert.False(again.Diagnostics.ContainsKey("messageId"));
    }

    [Fact]
    public async Task FetchAsync_DuplicateMessageId_GivesTheSameExternalId()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("dup-1@example.com"), Mail.Plain("dup-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user);

        var records = (await sut.FetchAsync(null)).Records;

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("dup-1@example.com", r.ExternalId));
    }

    [Fact]
    public async Task FetchAsync_RestartMidFolder_NewInstanceContinuesWithoutLossOrDuplicate()
    {
        var user = imap.NewUser();
        var ids = Enumerable.Range(1, 5).Select(i => $"restart-{i}@example.com").ToList();
        await imap.AppendAsync(user, "INBOX", ids.Select(id => Mail.Plain(id)).ToArray());

        IntakePage firstPage;
        await using (var before = SourceUnderTest.For(imap, user, o => o.BatchSize = 2))
        {
            firstPage = await before.FetchAsync(null);
        }

        await using var after = SourceUnderTest.For(imap, user, o => o.BatchSize = 2);
        var (rest, _, pages) = await after.ReadAllAsync(firstPage.NextCursor);

        Assert.Equal(2, firstPage.Records.Count);
        Assert.True(firstPage.HasMore);
        Assert.Equal(ids, firstPage.Records.Concat(rest).Select(r => r.ExternalId));
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task FetchAsync_UidValidityChanged_RereadsTheFolderFromTheStart()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "Support", Mail.Plain("uv-1@example.com"), Mail.Plain("uv-2@example.com"));
        await using var sut = SourceUnderTest.For(imap, user, folders: "Support");
        var (firstRead, cursor, _) = await sut.ReadAllAsync();

        await imap.RecreateFolderAsync(user, "Support");
        await imap.AppendAsync(user, "Support", Mail.Plain("uv-1@example.com"), Mail.Plain("uv-2@example.com"), Mail.Plain("uv-3@example.com"));
        var (reread, _, _) = await sut.ReadAllAsync(cursor);

        Assert.Equal(2, firstRead.Count);
        Assert.Equal(["uv-1@example.com", "uv-2@example.com", "uv-3@example.com"], reread.Select(r => r.ExternalId));
        Assert.Contains(sut.Logger.Collector.GetSnapshot(), l => l.Id.Id == 5004 && l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task FetchAsync_SeveralFolders_EachKeepsItsOwnPosition()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("inbox-1@example.com"), Mail.Plain("inbox-2@example.com"));
        await imap.AppendAsync(user, "Partners", Mail.Plain("partner-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user, folders: ["INBOX", "Partners"]);

        var (records, cursor, _) = await sut.ReadAllAsync();
        await imap.AppendAsync(user, "Partners", Mail.Plain("partner-2@example.com"));
        var (later, _, _) = await sut.ReadAllAsync(cursor);

        Assert.Equal(["inbox-1@example.com", "inbox-2@example.com", "partner-1@example.com"], records.Select(r => r.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal("Partners", records.Single(r => r.ExternalId == "partner-1@example.com").Diagnostics["folder"]);
        Assert.Equal("partner-2@example.com", Assert.Single(later).ExternalId);
    }

    [Fact]
    public async Task FetchAsync_EmptyMailbox_ReturnsNoRecordsAndNoMore()
    {
        var user = imap.NewUser();
        await using var sut = SourceUnderTest.For(imap, user);

        var page = await sut.FetchAsync(null);

        Assert.Empty(page.Records);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task FetchAsync_HugeBody_IsTruncatedWithANote()
    {
        var user = imap.NewUser();
        var body = string.Concat(Enumerable.Repeat("0123456789", 500));
        await imap.AppendAsync(user, "INBOX", Mail.Plain("huge-1@example.com", body: body));
        await using var sut = SourceUnderTest.For(imap, user, o => o.MaxBodyChars = 1000);

        var record = Assert.Single((await sut.FetchAsync(null)).Records);

        Assert.Equal(body[..1000], record.Body);
        Assert.Contains("body truncated from 5001 to 1000 characters", record.Diagnostics["notes"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MessageOverMaxMessageBytes_ReadsOnlyItsHeaders()
    {
        var record = await ReadSingleAsync(Mail.WithAttachment("big-1@example.com", "dump.bin", "application/octet-stream", new byte[64 * 1024]), o => o.MaxMessageBytes = 16 * 1024);

        Assert.Equal("big-1@example.com", record.ExternalId);
        Assert.Equal("Log attached", record.Subject);
        Assert.Equal("", record.Body);
        Assert.Contains("only its headers were read", record.Diagnostics["notes"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MimeBomb_IsReadWithinTheDepthAndPartLimits()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.DeeplyNested("deep-1@example.com", 60), Mail.ManyParts("wide-1@example.com", 400));
        await using var sut = SourceUnderTest.For(imap, user, o =>
        {
            o.MaxMimeDepth = 8;
            o.MaxMimeParts = 50;
        });

        var records = (await sut.FetchAsync(null)).Records;

        Assert.Equal(2, records.Count);
        Assert.Contains("MIME nesting deeper than 8 levels was not read", records[0].Diagnostics["notes"], StringComparison.Ordinal);
        Assert.Equal("many parts", records[1].Body.Trim());
        Assert.Contains("only the first 50 MIME parts were read", records[1].Diagnostics["notes"], StringComparison.Ordinal);
        Assert.EndsWith("; and 28 more", records[1].Diagnostics["attachments"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_UnparseableMessage_BecomesAPlaceholderAndPollingGoesOn()
    {
        var user = imap.NewUser();
        await imap.DeliverRawAsync(user, "INBOX", [0x00, 0x01, 0x02, 0xFF, (byte)'\n', 0x00, 0x7F]);
        await imap.AppendAsync(user, "INBOX", Mail.Plain("after-garbage@example.com"));
        await using var sut = SourceUnderTest.For(imap, user);

        var records = (await sut.FetchAsync(null)).Records;

        Assert.Equal(2, records.Count);
        var placeholder = records[0];
        Assert.Equal("(unreadable message)", placeholder.Subject);
        Assert.StartsWith("sha256:", placeholder.ExternalId, StringComparison.Ordinal);
        Assert.Contains("could not be read", placeholder.Body, StringComparison.Ordinal);
        Assert.Equal("after-garbage@example.com", records[1].ExternalId);
    }

    [Fact]
    public async Task FetchAsync_MarkSeen_FlagsOnlyCommittedMessagesOnTheNextFetch()
    {
        var user = imap.NewUser();
        var uids = await imap.AppendAsync(user, "INBOX", Mail.Plain("seen-1@example.com"), Mail.Plain("seen-2@example.com"));
        await using var sut = SourceUnderTest.For(imap, user, o =>
        {
            o.MarkSeen = true;
            o.BatchSize = 1;
        });

        var first = await sut.FetchAsync(null);
        var afterFirstFetch = await imap.FlagsAsync(user, "INBOX");
        await sut.FetchAsync(first.NextCursor);
        var afterSecondFetch = await imap.FlagsAsync(user, "INBOX");

        Assert.All(afterFirstFetch.Values, f => Assert.False(f.HasFlag(MessageFlags.Seen)));
        Assert.True(afterSecondFetch[uids[0]].HasFlag(MessageFlags.Seen));
        Assert.False(afterSecondFetch[uids[1]].HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task FetchAsync_MoveTo_MovesCommittedMessagesOnTheNextFetch()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "Processed", Mail.Plain("seed@example.com"));
        await imap.AppendAsync(user, "INBOX", Mail.Plain("move-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user, o => o.MoveTo = "Processed");

        var first = await sut.FetchAsync(null);
        var inboxAfterFirst = await imap.MessageIdsAsync(user, "INBOX");
        var second = await sut.FetchAsync(first.NextCursor);

        Assert.Equal(["move-1@example.com"], inboxAfterFirst);
        Assert.Empty(second.Records);
        Assert.Empty(await imap.MessageIdsAsync(user, "INBOX"));
        Assert.Contains("move-1@example.com", await imap.MessageIdsAsync(user, "Processed"));
    }

    [Fact]
    public async Task FetchAsync_SkipExisting_StartsAfterTheMailAlreadyThere()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("old-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user, o => o.SkipExisting = true);

        var first = await sut.FetchAsync(null);
        await imap.AppendAsync(user, "INBOX", Mail.Plain("new-1@example.com"));
        var second = await sut.FetchAsync(first.NextCursor);

        Assert.Empty(first.Records);
        Assert.Equal("new-1@example.com", Assert.Single(second.Records).ExternalId);
    }

    [Fact]
    public async Task FetchAsync_WrongPassword_ThrowsSoTheCoreRetries()
    {
        var user = imap.NewUser();
        await using var sut = SourceUnderTest.For(imap, user, o => o.Password = "wrong");

        // dovecot's static passdb accepts only its one password.
        await Assert.ThrowsAsync<AuthenticationException>(() => sut.FetchAsync(null));
    }

    [Fact]
    public async Task FetchAsync_UnreadableCursor_StartsAgainFromTheBeginning()
    {
        var user = imap.NewUser();
        await imap.AppendAsync(user, "INBOX", Mail.Plain("cursor-1@example.com"));
        await using var sut = SourceUnderTest.For(imap, user);

        var page = await sut.FetchAsync("not json");

        Assert.Equal("cursor-1@example.com", Assert.Single(page.Records).ExternalId);
        Assert.Contains(sut.Logger.Collector.GetSnapshot(), l => l.Id.Id == 5003);
    }
}
