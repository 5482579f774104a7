using SyncHub.Adapters;

namespace SyncHub.Sdk.Tests;

/// <summary>The token check every webhook source makes: the presented secret (trimmed) against the configured one.</summary>
public sealed class SecretsTests
{
    [Theory]
    [InlineData("form-secret-1", "form-secret-1")]
    [InlineData("  form-secret-1\t", "form-secret-1")]
    [InlineData("clé-\u4e2d-\U0001F511", "clé-\u4e2d-\U0001F511")]
    public void Matches_TheSameSecret_IsTrue(string presented, string expected) =>
        Assert.True(Secrets.Matches(presented, expected));

    [Theory]
    [InlineData("form-secret-2", "form-secret-1")]
    [InlineData("form-secret-1x", "form-secret-1")]
    [InlineData("form-secret", "form-secret-1")]
    [InlineData("", "form-secret-1")]
    [InlineData("FORM-SECRET-1", "form-secret-1")]
    [InlineData("clé", "cle")]
    public void Matches_AnotherSecret_IsFalse(string presented, string expected) =>
        Assert.False(Secrets.Matches(presented, expected));

    [Theory]
    [InlineData(null, "form-secret-1")]
    [InlineData("form-secret-1", null)]
    [InlineData("", "")]
    [InlineData(" ", "")]
    public void Matches_NothingPresentedOrNothingConfigured_IsFalse(string? presented, string? expected) =>
        Assert.False(Secrets.Matches(presented, expected));

    [Fact]
    public void Matches_LongSecrets_ComparesThemWhole()
    {
        // Longer than what is hashed on the stack: the bytes go through a pooled array, which must not keep the last use.
        var secret = string.Concat(Enumerable.Repeat("0123456789abcdef\u00e9", 40));
        var other = secret[..^1] + "X";

        Assert.True(Secrets.Matches(secret, secret));
        Assert.False(Secrets.Matches(other, secret));
        Assert.False(Secrets.Matches(secret, other));
        Assert.False(Secrets.Matches(secret[..^1], secret));
        Assert.True(Secrets.Matches(" " + secret + " ", secret));
    }
}
