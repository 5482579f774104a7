using SyncHub.Reviews;

namespace SyncHub.Core.Tests.Reviews;

public sealed class ReviewTextTests
{
    [Theory]
    [InlineData("It CRASHES!!", "crash", true)]
    [InlineData("can't log-in anymore", "log in", true)]
    [InlineData("Não consigo entrar", "nao consigo entrar", true)]
    [InlineData("I love blogging here", "login", false)]
    [InlineData("no crash", "crash free", false)]
    public void Mentions_TermAtTheStartOfAWord_IgnoringCaseAccentsAndPunctuation(string text, string term, bool expected) =>
        Assert.Equal(expected, ReviewText.Mentions(ReviewText.Normalize(text), ReviewText.Term(term)));

    [Theory]
    [InlineData("Crashes!", "Since 4.2 it CRASHES at login.", " crashes since 4 2 it crashes at login ")]
    [InlineData("", "Não consigo entrar — ajuda", " nao consigo entrar ajuda ")]
    [InlineData("Título: Ótimo", "", " titulo otimo ")]
    [InlineData("", "", " ")]
    [InlineData(null, "...", " ")]
    [InlineData("end.", "...start", " end start ")]
    public void Normalize_TitleAndText_IsTheTextOfBothOnOneLineBreak(string? title, string text, string expected)
    {
        Assert.Equal(expected, ReviewText.Normalize(title, text));
        Assert.Equal(ReviewText.Normalize($"{title}\n{text}"), ReviewText.Normalize(title, text));
    }

    [Theory]
    [InlineData(VersionScope.Exact, "gp:chat.rocket.android|4.2.1|crash+login")]
    [InlineData(VersionScope.Minor, "gp:chat.rocket.android|4.2|crash+login")]
    [InlineData(VersionScope.Any, "gp:chat.rocket.android|*|crash+login")]
    public void Of_ReviewMentioningConcepts_IsAppVersionAndSortedConcepts(VersionScope scope, string expected)
    {
        var rules = ReviewRules.Create(new ReviewOptions());
        var review = ReviewFacts.From(ReviewTestRecords.Review("r", text: "Can't sign in, then it crashes", version: "4.2.1"));

        Assert.Equal(expected, ReviewSignature.Of(review, rules.Vocabulary, scope));
        Assert.Equal("crash, login", ReviewSignature.Concepts(expected));
    }

    [Fact]
    public void Of_ReviewMentioningNoConcept_HasNoSignature()
    {
        var rules = ReviewRules.Create(new ReviewOptions());

        Assert.Null(ReviewSignature.Of(ReviewFacts.From(ReviewTestRecords.Review("r", text: "Great app, thanks")), rules.Vocabulary, VersionScope.Exact));
    }
}
