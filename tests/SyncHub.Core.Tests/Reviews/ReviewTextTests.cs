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

    [Theory]
    [InlineData("Não consigo entrar", "It CRASHES at log-in!!", new[] { "nao consigo", "crash", "log in", "entrar it" }, new[] { "login", "consigo nao", "crashes at login x" })]
    [InlineData("한국어 리뷰", "앱이 충돌합니다", new[] { "한국어", "충돌" }, new[] { "영어" })]
    [InlineData(null, "", new string[0], new[] { "crash" })]
    public void Mentions_WithoutMakingTheText_AgreesWithTheText(string? title, string body, string[] mentioned, string[] notMentioned)
    {
        var review = new ReviewFacts(2, "4.2.0", "gp", "app", null, title, body);
        var other = new ReviewFacts(5, "4.2.0", "gp", "app", null, "Nothing", "to see here");

        // Interleaved with another review on the same thread: each is matched against its own wording.
        foreach (var term in mentioned.Select(ReviewText.Term))
        {
            Assert.True(review.Mentions(term), term);
            Assert.False(other.Mentions(term), term);
        }

        foreach (var term in notMentioned.Select(ReviewText.Term))
        {
            Assert.False(review.Mentions(term), term);
        }

        Assert.Equal(ReviewText.Normalize(title, body), review.Text);
        Assert.All(mentioned.Select(ReviewText.Term), term => Assert.True(ReviewText.Mentions(review.Text, term)));
    }

    [Fact]
    public async Task Mentions_SameReviewOnOtherThreads_IsMatchedOnEach()
    {
        var review = ReviewFacts.From(ReviewTestRecords.Review("r", text: "The app crashes when I open a channel."));
        var crash = ReviewText.Term("crash");
        var login = ReviewText.Term("login");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 2_000).All(_ => review.Mentions(crash) && !review.Mentions(login)))));

        Assert.All(answers, Assert.True);
    }
}
