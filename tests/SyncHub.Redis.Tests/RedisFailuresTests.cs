using StackExchange.Redis;

namespace SyncHub.Redis.Tests;

public sealed class RedisFailuresTests
{
    [Theory]
    [InlineData(RedisErrorKind.Loading, "LOADING Redis is loading the dataset in memory")]
    [InlineData(RedisErrorKind.ReadOnly, "READONLY You can't write against a read only replica.")]
    [InlineData(RedisErrorKind.MasterDown, "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.")]
    [InlineData(RedisErrorKind.Busy, "BUSY Redis is busy running a script.")]
    [InlineData(RedisErrorKind.Unknown, "LOADING Redis is loading the dataset in memory")]
    [InlineData(RedisErrorKind.Unknown, "READONLY You can't write against a read only replica. script: 1a2b")]
    public void IsUnavailable_TransientServerReply_IsTrue(RedisErrorKind kind, string message) =>
        Assert.True(RedisFailures.IsUnavailable(new RedisServerException(kind, CommandFlags.None, message)));

    [Theory]
    [InlineData(RedisErrorKind.UnknownError, "ERR Error running script: attempt to compare nil with number")]
    [InlineData(RedisErrorKind.WrongType, "WRONGTYPE Operation against a key holding the wrong kind of value")]
    [InlineData(RedisErrorKind.Unknown, "BUSYKEY Target key name already exists.")]
    [InlineData(RedisErrorKind.NoScript, "NOSCRIPT No matching script. Please use EVAL.")]
    public void IsUnavailable_OtherServerReply_IsFalse(RedisErrorKind kind, string message) =>
        Assert.False(RedisFailures.IsUnavailable(new RedisServerException(kind, CommandFlags.None, message)));

    [Fact]
    public void IsUnavailable_ConnectionLossAndTimeout_AreTrueAndBugsAreNot()
    {
        Assert.True(RedisFailures.IsUnavailable(new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "socket closed", null, CommandStatus.Sent)));
        Assert.True(RedisFailures.IsUnavailable(new RedisTimeoutException(CommandFlags.None, "timeout", CommandStatus.Sent)));
        Assert.False(RedisFailures.IsUnavailable(new InvalidOperationException("bug")));
    }

    [Fact]
    public void Unavailable_AnyCause_KeepsItAsInnerAndQuotesNothingFromIt()
    {
        var cause = new RedisConnectionException(ConnectionFailureType.AuthenticationFailure, CommandFlags.None, "auth failed for password=s3cret", null, CommandStatus.Sent);

        var unavailable = RedisFailures.Unavailable(cause);

        Assert.Same(cause, unavailable.InnerException);
        Assert.DoesNotContain("s3cret", unavailable.Message, StringComparison.Ordinal);
    }
}
