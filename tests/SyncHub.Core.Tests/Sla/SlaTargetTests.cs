using SyncHub.Sla;

namespace SyncHub.Core.Tests.Sla;

public sealed class SlaTargetTests
{
    [Theory]
    [InlineData("30 minutes", "00:30:00")]
    [InlineData("30 min", "00:30:00")]
    [InlineData("2 hours", "02:00:00")]
    [InlineData("1 hour", "01:00:00")]
    [InlineData("24h", "1.00:00:00")]
    [InlineData("1 hour 30 minutes", "01:30:00")]
    [InlineData("02:00:00", "02:00:00")]
    [InlineData("1.00:00:00", "1.00:00:00")]
    [InlineData(" 6 Hours ", "06:00:00")]
    public void TryParse_Duration_ReturnsWorkingTime(string text, string expected)
    {
        Assert.True(SlaTarget.TryParse(text, emptyIsBestEffort: false, out var target, out var error), error);

        Assert.Equal(SlaTargetKind.Duration, target.Kind);
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), target.ToWorkingTime(AlwaysOpenClock.Instance));
    }

    [Theory]
    [InlineData("1 business day", 1)]
    [InlineData("4 business days", 4)]
    [InlineData("2 Business Days", 2)]
    public void TryParse_BusinessDays_ScalesWithTheClocksBusinessDay(string text, int days)
    {
        Assert.True(SlaTarget.TryParse(text, emptyIsBestEffort: false, out var target, out var error), error);

        Assert.Equal(days, target.BusinessDays);
        Assert.Equal(TimeSpan.FromHours(12 * days), target.ToWorkingTime(TestCalendars.Support()));
        Assert.Equal(TimeSpan.FromHours(24 * days), target.ToWorkingTime(AlwaysOpenClock.Instance));
    }

    [Theory]
    [InlineData("best effort")]
    [InlineData("Best Effort")]
    [InlineData("none")]
    public void TryParse_BestEffort_HasNoWorkingTime(string text)
    {
        Assert.True(SlaTarget.TryParse(text, emptyIsBestEffort: false, out var target, out _));

        Assert.True(target.IsBestEffort);
        Assert.Null(target.ToWorkingTime(AlwaysOpenClock.Instance));
    }

    [Theory]
    [InlineData("24")]
    [InlineData("4 days")]
    [InlineData("0 business days")]
    [InlineData("00:00:00")]
    [InlineData("soon")]
    [InlineData("-01:00:00")]
    [InlineData("")]
    public void TryParse_InvalidFirstResponse_ReturnsError(string text)
    {
        Assert.False(SlaTarget.TryParse(text, emptyIsBestEffort: false, out _, out var error));

        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_EmptyOptionalTarget_IsBestEffort()
    {
        Assert.True(SlaTarget.TryParse(null, emptyIsBestEffort: true, out var target, out _));

        Assert.True(target.IsBestEffort);
    }

    [Theory]
    [InlineData("4 business days", "4 business days")]
    [InlineData("1 business day", "1 business day")]
    [InlineData("00:30:00", "30 minutes")]
    [InlineData("1 hour", "1 hour")]
    [InlineData("90 minutes", "1 hour 30 minutes")]
    [InlineData("24 hours", "24 hours")]
    [InlineData("00:00:30", "00:00:30")]
    public void ToString_ParsedTarget_IsCanonicalWords(string text, string expected)
    {
        Assert.True(SlaTarget.TryParse(text, emptyIsBestEffort: false, out var target, out _));

        Assert.Equal(expected, target.ToString());
    }
}
