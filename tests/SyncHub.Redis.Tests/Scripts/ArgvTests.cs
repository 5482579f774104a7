using StackExchange.Redis;
using SyncHub.Redis.Scripts;

namespace SyncHub.Redis.Tests.Scripts;

public sealed class ArgvTests
{
    [Fact]
    public void Rent_AfterReturn_GivesTheArrayBackClearedAndOnlyForItsLength()
    {
        // A length no other test rents, so that the array returned here is the one kept for it.
        const int Length = 97;
        var first = Argv.Rent(Length);
        first[1] = "prefix";
        first[Length] = 42;

        Argv.Return(first.Values);
        var shorter = Argv.Rent(Length - 1);
        var again = Argv.Rent(Length);

        Assert.NotSame(first.Values, shorter.Values);
        Assert.Same(first.Values, again.Values);
        Assert.All(again.Values, v => Assert.True(v.IsNull));
    }

    [Fact]
    public void Rent_LongerThanAnyKept_IsANewArrayEachTime()
    {
        var first = Argv.Rent(500);
        Argv.Return(first.Values);

        var second = Argv.Rent(500);

        Assert.Equal(500, second.Values.Length);
        Assert.NotSame(first.Values, second.Values);
    }
}
