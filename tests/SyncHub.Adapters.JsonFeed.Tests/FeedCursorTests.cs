namespace SyncHub.Adapters.JsonFeed.Tests;

public sealed class FeedCursorTests
{
    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("10.5", "10.25", 1)]
    [InlineData("2026-03-10T10:00:00-03:00", "2026-03-10T12:30:00Z", 1)]
    [InlineData("2026-03-10T12:00:00Z", "2026-03-10T12:00:00+00:00", 0)]
    [InlineData("abc", "abd", -1)]
    [InlineData("b", "10", 1)]
    public void Compare_Values_OrdersByKind(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(FeedCursor.Compare(left, right)));

    [Fact]
    public void IsAfter_NoCursor_EverythingIsAfter() => Assert.True(FeedCursor.IsAfter("1", null));
}
