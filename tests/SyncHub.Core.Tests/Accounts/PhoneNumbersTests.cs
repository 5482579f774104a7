using SyncHub.Accounts;

namespace SyncHub.Core.Tests.Accounts;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+55 11 91234-5678", "+5511912345678")]
    [InlineData("+55 (11) 9.1234-5678", "+5511912345678")]
    [InlineData("0055 11 91234 5678", "+5511912345678")]
    [InlineData("(11) 91234-5678", "+5511912345678")]
    [InlineData("11912345678", "+5511912345678")]
    [InlineData("011 91234-5678", "+5511912345678")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    [InlineData("+44 20 7946 0958 ext. 12", "+442079460958")]
    [InlineData("+55 11 3333-4444 x21", "+551133334444")]
    [InlineData("\u00a0+49 30/1234567\t", "+49301234567")]
    public void ToE164_WrittenNumber_ReturnsE164(string raw, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.ToE164(raw, "55"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("call me")]
    [InlineData("12a34567890")]
    [InlineData("+55 11")]
    [InlineData("+1234567890123456")]
    [InlineData("++5511912345678")]
    [InlineData("55+11912345678")]
    [InlineData("+0 11 91234 5678")]
    public void ToE164_NotANumber_ReturnsNull(string? raw)
    {
        Assert.Null(PhoneNumbers.ToE164(raw, "55"));
    }

    [Theory]
    [InlineData("+55")]
    [InlineData(" 55 ")]
    public void ToE164_DefaultCodeWrittenWithPlusOrSpaces_IsUsed(string code)
    {
        Assert.Equal("+5521987654321", PhoneNumbers.ToE164("(21) 98765-4321", code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5x")]
    public void ToE164_NationalNumberWithoutUsableDefaultCode_ReturnsNull(string? code)
    {
        Assert.Null(PhoneNumbers.ToE164("(21) 98765-4321", code));
    }

    [Fact]
    public void ToE164_InternationalNumberWithoutDefaultCode_ReturnsE164()
    {
        Assert.Equal("+5521987654321", PhoneNumbers.ToE164("+55 21 98765-4321", null));
    }
}
