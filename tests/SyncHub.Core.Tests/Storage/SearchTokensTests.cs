using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Core.Tests.Storage;

/// <summary>
/// The tokens a ticket is found by. ASCII text is tokenised in a scratch buffer (on the stack when short, rented when
/// long) and other text folded as a whole: both must give the tokens the search matches query words against.
/// </summary>
public sealed class SearchTokensTests
{
    private static Ticket With(string subject = "", string body = "", Requester? requester = null, string? account = null) => new()
    {
        Id = "t-1",
        Channel = Channel.Web,
        Source = "WebForm",
        ExternalId = "e-1",
        Subject = subject,
        Body = body,
        Requester = requester ?? Requester.Unknown,
        Account = account is null ? null : new AccountSnapshot("crm-1", account, null, null),
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Of_AsciiText_LowerCasesWordsOnceWithoutStopWordsOrSingleLetters()
    {
        var tokens = SearchTokens.Of(With(subject: "The EXPORT failed: export (x) FAILED again, ERR-4021"));

        Assert.Equal(new[] { "export", "failed", "again", "err", "4021" }.Order(), tokens.Order());
    }

    [Fact]
    public void Of_WordLongerThanMaxLength_IsCutToIt()
    {
        var word = new string('a', 30) + new string('B', 30);

        var tokens = SearchTokens.Of(With(subject: word));

        Assert.Equal(new string('a', 30) + new string('b', 10), Assert.Single(tokens));
    }

    [Fact]
    public void Of_LongBody_IndexesItsFirstBodyCharsOnly()
    {
        // Longer than the stack scratch buffer, and past BodyChars: "hidden" starts after the cut, "cutword" straddles it.
        var filler = string.Concat(Enumerable.Repeat("export report ", (SearchTokens.BodyChars - 4) / 14));
        var body = filler.PadRight(SearchTokens.BodyChars - 3) + "cutword hidden";

        var tokens = SearchTokens.Of(With(body: body));

        Assert.Equal(new[] { "export", "report", "cut" }.Order(), tokens.Order());
    }

    [Fact]
    public void Of_AccentedText_FoldsToTheTokensOfItsPlainSpelling()
    {
        var accented = SearchTokens.Of(With(subject: "Exportação em São Paulo falhou", account: "Straße Łódź"));
        var plain = SearchTokens.Of(With(subject: "exportacao em sao paulo falhou", account: "strase lodz"));

        Assert.Equal(plain.Order(), accented.Order());
        Assert.Contains("sao", accented);
    }

    [Fact]
    public void Of_EmailAndPhone_AreWholeTokensBesideTheAddressWords()
    {
        var tokens = SearchTokens.Of(With(requester: new Requester("Ana Souza", " Ana.Souza@Example.com ", "+55 11 5555-0100", null)));

        Assert.Equal(new[] { "ana", "souza", "ana.souza@example.com", "example", "com", "551155550100" }.Order(), tokens.Order());
    }
}
