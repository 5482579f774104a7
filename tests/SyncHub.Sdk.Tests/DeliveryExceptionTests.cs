using SyncHub.Adapters;

namespace SyncHub.Sdk.Tests;

public sealed class DeliveryExceptionTests
{
    [Fact]
    public void Constructor_PermanentWithReason_KeepsKindReasonAndCause()
    {
        var cause = new HttpRequestException("404");

        var failure = new DeliveryException(DeliveryFailureKind.Permanent, "room 'nowhere' does not exist", null, cause);

        Assert.True(failure.IsPermanent);
        Assert.Equal("room 'nowhere' does not exist", failure.Message);
        Assert.Same(cause, failure.InnerException);
        Assert.Null(failure.RetryAfter);
    }

    [Theory]
    [InlineData(-5, null)]
    [InlineData(0, null)]
    [InlineData(30, 30)]
    public void Constructor_RetryAfter_OnlyAPositiveWaitIsKept(int seconds, int? kept)
    {
        var failure = new DeliveryException(DeliveryFailureKind.Transient, "rate limited", TimeSpan.FromSeconds(seconds));

        Assert.Equal(kept is { } k ? TimeSpan.FromSeconds(k) : null, failure.RetryAfter);
        Assert.False(failure.IsPermanent);
    }

    [Fact]
    public void Constructor_MessageOnly_IsTransient()
    {
        Assert.Equal(DeliveryFailureKind.Transient, new DeliveryException("try later").Kind);
    }

    [Theory]
    [InlineData(401, DeliveryFailureKind.Unauthorized)]
    [InlineData(403, DeliveryFailureKind.Unauthorized)]
    [InlineData(400, DeliveryFailureKind.Permanent)]
    [InlineData(404, DeliveryFailureKind.Permanent)]
    [InlineData(null, DeliveryFailureKind.Permanent)]
    public void Refused_Status_CredentialsOrThisMessage(int? status, DeliveryFailureKind expected)
    {
        var cause = new InvalidOperationException("refused");

        var failure = DeliveryException.Refused((System.Net.HttpStatusCode?)status, "refused", cause);

        Assert.Equal(expected, failure.Kind);
        Assert.Same(cause, failure.InnerException);
        Assert.Null(failure.RetryAfter);
    }
}
