using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Testing.Doubles;

namespace SyncHub.Core.Tests.Pipeline;

public sealed class RecordTextTests
{
    [Theory]
    [InlineData("Cannot\r\nlog in", "Cannot log in")]
    [InlineData("Bcc: x@evil.example\nSubject", "Bcc: x@evil.example Subject")]
    [InlineData("\u0000NUL\u0000 inside", "NUL inside")]
    [InlineData("  tabs\tand\u2028separators\u2029 ", "tabs and separators")]
    [InlineData("Cafe\u0301", "Caf\u00e9")]
    [InlineData("plain subject", "plain subject")]
    public void SingleLine_ControlCharactersAndBreaks_BecomeOneSpaceAndTextIsNfc(string sent, string stored) =>
        Assert.Equal(stored, RecordText.SingleLine(sent));

    [Fact]
    public void SingleLine_LoneSurrogate_IsReplacedSoNfcCanBeApplied()
    {
        // Built in code: a lone surrogate does not survive the test framework's attribute data.
        var sent = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal("lone \ufffd surrogate", RecordText.SingleLine(sent));
    }

    [Fact]
    public void MultiLine_KeepsLineBreaksAndTabsDropsOtherControls() =>
        Assert.Equal("line 1\r\nline 2\n\tindented caf\u00e9", RecordText.MultiLine("line 1\r\nline 2\u0000\n\tindented\u0007 cafe\u0301"));

    [Fact]
    public void Normalize_CleanRecord_IsPassedOnWithoutACopy()
    {
        var record = Records.Web("clean-1") with { Requester = new Requester("Ana Souza", "ana@example.com"), Product = "Cloud" };

        Assert.Same(record, RecordText.Normalize(record));
    }

    [Fact]
    public void Normalize_Record_CleansEverySingleLineFieldAndLeavesIdsAlone()
    {
        var record = Records.Web("id\r\n1") with
        {
            Subject = "Help\r\nX-Injected: yes",
            Body = "Hello\r\n\u0000world",
            Requester = new Requester("Ana\nSouza", "ana@example.com\r\n", "+55 11\t9999", "@ana\u0000"),
            Product = "Cloud\n",
            ThreadKey = "thread\nkey",
        };

        var clean = RecordText.Normalize(record);

        Assert.Equal(("Help X-Injected: yes", "Hello\r\nworld"), (clean.Subject, clean.Body));
        Assert.Equal(new Requester("Ana Souza", "ana@example.com", "+55 11 9999", "@ana"), clean.Requester);
        Assert.Equal("Cloud", clean.Product);
        Assert.Equal(("id\r\n1", "thread\nkey"), (clean.ExternalId, clean.ThreadKey));
    }
}
