using SyncHub.Pipeline;

namespace SyncHub.Core.Tests.Pipeline;

public sealed class RecurringValuesTests
{
    [Fact]
    public void SameParts_GiveTheSameTextMadeOnce_OtherPartsTheirOwn()
    {
        var made = 0;
        var texts = new RecurringValues<(string Channel, string Source), string>(p =>
        {
            made++;
            return $"Created from {p.Channel} ({p.Source})";
        });

        var first = texts[("Web", "WebForm")];
        var again = texts[("Web", "WebForm")];
        var other = texts[("Email", "Email")];

        Assert.Equal("Created from Web (WebForm)", first);
        Assert.Same(first, again);
        Assert.Equal("Created from Email (Email)", other);
        Assert.Equal(2, made);
    }

    [Fact]
    public void PastTheCapacity_TextsAreStillRight_AndMadeEachTime()
    {
        var made = 0;
        var texts = new RecurringValues<int, string>(n =>
        {
            made++;
            return $"reason {n}";
        });
        for (var n = 0; n < RecurringValues<int, string>.Capacity; n++)
        {
            _ = texts[n];
        }

        var beyond = texts[-1];
        var beyondAgain = texts[-1];
        var kept = texts[7];

        Assert.Equal("reason -1", beyond);
        Assert.Equal("reason -1", beyondAgain);
        Assert.NotSame(beyond, beyondAgain);
        Assert.Equal("reason 7", kept);
        Assert.Equal(RecurringValues<int, string>.Capacity + 2, made);
    }
}
