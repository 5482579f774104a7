namespace SyncHub.Adapters.Twitter.Tests;

public sealed class TweetLengthTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("olá, tudo bem?", 14)]
    [InlineData("see https://docs.rocket.chat/docs/very/long/path/to/the/page/about/this?x=1 now", 4 + 23 + 4)]
    [InlineData("日本語", 6)]
    [InlineData("ok 👍", 5)]
    [InlineData("👩‍💻", 2)]
    [InlineData("“quoted” — dash", 15)]
    public void Count_WeighsAsXDoes(string text, int expected) => Assert.Equal(expected, TweetLength.Count(text));

    [Fact]
    public void Check_AtTheLimit_Fits() => Assert.Null(TweetLength.Check(new string('a', 280)));

    [Fact]
    public void Check_OverTheLimit_NamesTheLengthAndTheLimit()
    {
        var reason = TweetLength.Check(new string('字', 141));

        Assert.NotNull(reason);
        Assert.Contains("282", reason, StringComparison.Ordinal);
        Assert.Contains("280", reason, StringComparison.Ordinal);
    }
}
