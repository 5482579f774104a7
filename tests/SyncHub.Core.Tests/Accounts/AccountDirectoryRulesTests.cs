using Microsoft.Extensions.Options;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Core.Tests.Accounts;

public sealed class AccountDirectoryRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://www.Acme.com/contact?x=1", "acme.com")]
    [InlineData("http://acme.com.br:8080", "acme.com.br")]
    [InlineData("www.acme.com", "acme.com")]
    [InlineData("ACME.COM.", "acme.com")]
    [InlineData("support.acme.com", "support.acme.com")]
    [InlineData("Maria@Acme.com", "acme.com")]
    [InlineData("Maria Silva <maria@acme.com>", "acme.com")]
    public void Domain_WebsiteAddressOrDomain_ReturnsLowerCaseDomain(string raw, string expected)
    {
        Assert.Equal(expected, AccountDirectoryRules.Domain(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("https://")]
    [InlineData("not a domain.com")]
    public void Domain_NoDomain_ReturnsNull(string? raw)
    {
        Assert.Null(AccountDirectoryRules.Domain(raw));
    }

    [Theory]
    [InlineData(" Maria.Silva@Acme.COM ", "maria.silva@acme.com")]
    [InlineData("Maria Silva <maria@acme.com>", "maria@acme.com")]
    [InlineData("not an address", null)]
    [InlineData("@acme.com", null)]
    [InlineData(null, null)]
    public void Email_Raw_ReturnsLowerCaseAddressOrNull(string? raw, string? expected)
    {
        Assert.Equal(expected, AccountDirectoryRules.Email(raw));
    }

    /// <summary>
    /// Plain addresses skip the parser: for those and their near misses the answer must be what parsing with
    /// <see cref="System.Net.Mail.MailAddress"/> gives.
    /// </summary>
    [Theory]
    [InlineData("maria@acme.com")]
    [InlineData("Maria.Silva+tickets@Mail.Acme.COM")]
    [InlineData("first_last-1@sub-domain.acme.co.uk")]
    [InlineData("a@b")]
    [InlineData("a@-acme.com")]
    [InlineData("a.@acme.com")]
    [InlineData(".a@acme.com")]
    [InlineData("a..b@acme.com")]
    [InlineData("a@acme..com")]
    [InlineData("a@acme.com.")]
    [InlineData("a@.acme.com")]
    [InlineData("a@b@acme.com")]
    [InlineData("a@")]
    [InlineData("@")]
    [InlineData("a b@acme.com")]
    [InlineData("\"a b\"@acme.com")]
    [InlineData("a@[10.0.0.1]")]
    [InlineData("a@acme_x.com")]
    [InlineData("a+b@acme+x.com")]
    [InlineData("José@acme.com")]
    [InlineData("a@acmé.com")]
    [InlineData("Maria <maria@acme.com>")]
    [InlineData("maria@acme.com (work)")]
    [InlineData("  maria@acme.com\t")]
    public void Email_PlainAddressOrNearMiss_AnswersAsTheMailAddressParser(string raw)
    {
        string? parsed = null;
        if (System.Net.Mail.MailAddress.TryCreate(raw.Trim(), out var address))
        {
            var email = address.Address.ToLowerInvariant();
            var at = email.LastIndexOf('@');
            parsed = at > 0 && at < email.Length - 1 ? email : null;
        }

        Assert.Equal(parsed, AccountDirectoryRules.Email(raw));
    }

    [Theory]
    [InlineData("someone@gmail.com")]
    [InlineData("someone@HOTMAIL.com")]
    [InlineData("someone@outlook.com")]
    [InlineData("someone@yahoo.com")]
    public void LookupDomain_DefaultPublicMailDomain_ReturnsNull(string email)
    {
        Assert.Null(CreateSut().LookupDomain(email));
    }

    [Fact]
    public void LookupDomain_ConfiguredList_ReplacesTheDefaults()
    {
        var sut = CreateSut(o => o.PublicEmailDomains = ["Example.org"]);

        Assert.Null(sut.LookupDomain("a@example.org"));
        Assert.Equal("gmail.com", sut.LookupDomain("a@gmail.com"));
    }

    [Fact]
    public void Phone_NationalNumber_TakesConfiguredCountryCode()
    {
        var sut = CreateSut(o => o.DefaultCountryCallingCode = "351");

        Assert.Equal("+351912345678", sut.Phone("912 345 678"));
    }

    [Fact]
    public void DomainKeys_Account_LeavesOutPublicAndInvalidDomains()
    {
        var account = Account() with { EmailDomains = ["https://acme.com", "gmail.com", "acme.com", "???", "acme.io"] };

        Assert.Equal(["acme.com", "acme.io"], CreateSut().DomainKeys(account));
    }

    [Fact]
    public void PhoneKeys_Contact_IncludesOtherPhonesInE164()
    {
        var contact = new CrmContact("c", "a", null, "(11) 3333-4444", null, Now) { OtherPhones = ["+55 11 3333-4444", "11 99999-0000", "n/a"] };

        Assert.Equal(["+551133334444", "+5511999990000"], CreateSut().PhoneKeys(contact));
    }

    [Fact]
    public void EmailKeys_Contact_IncludesOtherEmailsInLowerCase()
    {
        var contact = new CrmContact("c", "a", "Ana@Acme.com", null, null, Now) { OtherEmails = ["ana@acme.com", "Ana.Personal@gmail.com"] };

        Assert.Equal(["ana@acme.com", "ana.personal@gmail.com"], AccountDirectoryRules.EmailKeys(contact));
    }

    [Fact]
    public void Snapshot_ExpiryInThePast_ReportsExpiredStatus()
    {
        var snapshot = CreateSut(o => o.ExpiredStatus = "Support expired").Snapshot(Account() with { SupportExpiresAt = Now.AddSeconds(-1) }, Now);

        Assert.Equal(new AccountSnapshot("a", "Acme", "Gold", "Support expired"), snapshot);
    }

    [Fact]
    public void Snapshot_ExpiryInTheFuture_ReportsCrmStatus()
    {
        var snapshot = CreateSut().Snapshot(Account() with { SupportExpiresAt = Now.AddSeconds(1) }, Now);

        Assert.Equal(new AccountSnapshot("a", "Acme", "Gold", "Customer"), snapshot);
    }

    private static CrmAccount Account() => new("a", "Acme", "Gold", "Customer", null, [], [], Now);

    private static AccountDirectoryRules CreateSut(Action<AccountDirectoryOptions>? configure = null)
    {
        var options = new AccountDirectoryOptions();
        configure?.Invoke(options);
        return new AccountDirectoryRules(Options.Create(options));
    }
}
