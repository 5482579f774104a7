using SyncHub.Sla;

namespace SyncHub.Core.Tests.Sla;

public sealed class WorkingSpanTests
{
    [Theory]
    [InlineData("08:00-20:00", "08:00-20:00")]
    [InlineData("08:00-12:00, 13:00-18:00", "08:00-12:00|13:00-18:00")]
    [InlineData("22:00-24:00", "22:00-24:00")]
    [InlineData("", "")]
    [InlineData("closed", "")]
    public void TryParseDay_ValidHours_ReturnsSpansInOrder(string text, string expected)
    {
        Assert.True(WorkingSpan.TryParseDay(text, out var spans, out var error), error);

        Assert.Equal(expected, string.Join("|", spans));
    }

    [Theory]
    [InlineData("8-20")]
    [InlineData("20:00-08:00")]
    [InlineData("08:00-12:00, 11:00-18:00")]
    [InlineData("13:00-18:00, 08:00-12:00")]
    [InlineData("08:00-25:00")]
    [InlineData("always")]
    public void TryParseDay_InvalidHours_ReturnsError(string text)
    {
        Assert.False(WorkingSpan.TryParseDay(text, out _, out var error));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
