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
}
