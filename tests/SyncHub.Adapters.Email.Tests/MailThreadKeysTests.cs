namespace SyncHub.Adapters.Email.Tests;

public sealed class MailThreadKeysTests
{
    [Theory]
    [InlineData("[#10423] Cannot log in", "ticket:10423")]
    [InlineData("Re: [#10423] Cannot log in", "ticket:10423")]
    [InlineData("RE: Fwd: Cannot log in [# 77 ]", "ticket:77")]
    [InlineData("Invoice [#abc] and [#12]", "ticket:12")]
    public void For_SubjectWithTicketTag_IsTheTicketKey(string subject, string expected) =>
        Assert.Equal(expected, MailThreadKeys.For(subject, "m@x", "parent@x", ["root@x"], "m@x"));

    [Fact]
    public void For_ReplyWithReferences_IsTheFirstReference() =>
        Assert.Equal("mail:root@x", MailThreadKeys.For("Re: hi", "m3@x", "<m2@x>", ["<root@x>", "<m2@x>"], "m3@x"));

    [Fact]
    public void For_ReplyWithOnlyInReplyTo_IsTheParent() =>
        Assert.Equal("mail:m2@x", MailThreadKeys.For("Re: hi", "m3@x", "<m2@x>", [], "m3@x"));

    [Fact]
    public void For_NewConversation_IsItsOwnMessageId() =>
        Assert.Equal("mail:m1@x", MailThreadKeys.For("Hello", "<m1@x>", null, null, "m1@x"));

    [Fact]
    public void For_NoMessageId_IsTheExternalId() =>
        Assert.Equal("mail:sha256:ab", MailThreadKeys.For("Hello", null, null, null, "sha256:ab"));

    [Theory]
    [InlineData("[#0] zero")]
    [InlineData("[#] empty")]
    [InlineData("#10423 without brackets")]
    [InlineData("[10423] without hash")]
    public void For_NoValidTag_FallsBackToMailThreading(string subject) =>
        Assert.Equal("mail:m1@x", MailThreadKeys.For(subject, "m1@x", null, null, "m1@x"));

    [Fact]
    public void For_UnusableReferences_AreSkipped() =>
        Assert.Equal("mail:real@x", MailThreadKeys.For("Re: hi", "m@x", null, ["<>", "  ", "real@x"], "m@x"));

    [Fact]
    public void For_HugeMessageId_IsHashedWithinTheIdLimit()
    {
        var key = MailThreadKeys.For("Hello", new string('a', 600) + "@x", null, null, "e");

        Assert.StartsWith("mail:sha256:", key, StringComparison.Ordinal);
        Assert.True(key.Length <= SyncHub.Adapters.RecordLimits.MaxIdLength);
        Assert.Equal(key, MailThreadKeys.For("Hello", new string('a', 600) + "@x", null, null, "e"));
    }

    [Fact]
    public void For_KnownIdLastInReferences_IsThatMessagesThread() =>
        Assert.Equal("ticket:7", MailThreadKeys.For("Re: hi", "m3@x", "<other@y>", ["<root@y>", "<m1@x>", "<other@y>"], "m3@x", Known(("m1@x", "ticket:7"))));

    [Fact]
    public void For_KnownInReplyTo_WinsOverKnownReferences() =>
        Assert.Equal("mail:b@x", MailThreadKeys.For("Re: hi", "m3@x", "<b@x>", ["<a@x>", "<b@x>"], "m3@x", Known(("a@x", "mail:a@x"), ("b@x", "mail:b@x"))));

    [Fact]
    public void For_NothingKnown_IsTheFirstReferenceAsBefore() =>
        Assert.Equal("mail:root@y", MailThreadKeys.For("Re: hi", "m3@x", "<p@y>", ["<root@y>", "<p@y>"], "m3@x", Known()));

    [Fact]
    public void For_TicketTag_WinsOverAKnownReference() =>
        Assert.Equal("ticket:9", MailThreadKeys.For("Re: [#9] hi", "m3@x", null, ["<m1@x>"], "m3@x", Known(("m1@x", "mail:m1@x"))));

    private static Func<string, string?> Known(params (string Id, string Key)[] known) =>
        id => known.FirstOrDefault(k => k.Id == id).Key;
}
