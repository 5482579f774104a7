namespace SyncHub.Adapters.Email.Tests;

public sealed class TicketTagTests
{
    [Theory]
    [InlineData("Re: Cannot log in", 10423, "[#10423] Re: Cannot log in")]
    [InlineData("Re: [#10423] Cannot log in", 10423, "Re: [#10423] Cannot log in")]
    [InlineData("Re: [#99] Other ticket", 10423, "[#10423] Re: [#99] Other ticket")]
    [InlineData("  ", 5, "[#5]")]
    public void Apply_Subject_CarriesTheTicketTagOnce(string subject, long ticket, string expected) =>
        Assert.Equal(expected, TicketTag.Apply(subject, ticket));

    [Fact]
    public void Find_NumberTooLong_IsNoTag() => Assert.Null(TicketTag.Find("[#1234567890123456789012]"));
}
