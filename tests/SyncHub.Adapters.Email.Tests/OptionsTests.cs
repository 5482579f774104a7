using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>Binding and start-up validation of <c>SyncHub:Adapters:Email</c> and <c>SyncHub:Adapters:Smtp</c>: every failure names its full key.</summary>
public sealed class OptionsTests
{
    private static T Bind<T>(Dictionary<string, string?> settings, string section)
        where T : new()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    private static IReadOnlyList<string> Failures<T>(T options, string section)
        where T : class =>
        new SectionValidator<T>(section).Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_EnabledEmailWithoutCredentials_NamesEachKey()
    {
        var failures = Failures(new EmailOptions { Enabled = true }, "SyncHub:Adapters:Email");

        Assert.Contains("SyncHub:Adapters:Email:Host: is required when the adapter is enabled", failures);
        Assert.Contains("SyncHub:Adapters:Email:User: is required when the adapter is enabled", failures);
        Assert.Contains("SyncHub:Adapters:Email:Password: is required when the adapter is enabled", failures);
    }

    [Fact]
    public void Validate_DisabledEmail_NeedsNoCredentials() =>
        Assert.Empty(Failures(new EmailOptions(), "SyncHub:Adapters:Email"));

    [Fact]
    public void Bind_EmailSection_ReadsEveryKey()
    {
        var options = Bind<EmailOptions>(
            new()
            {
                ["SyncHub:Adapters:Email:Enabled"] = "true",
                ["SyncHub:Adapters:Email:Host"] = "imap.example.com",
                ["SyncHub:Adapters:Email:Port"] = "143",
                ["SyncHub:Adapters:Email:Security"] = "starttls",
                ["SyncHub:Adapters:Email:User"] = "support@example.com",
                ["SyncHub:Adapters:Email:Password"] = "secret",
                ["SyncHub:Adapters:Email:Folders:0"] = "INBOX",
                ["SyncHub:Adapters:Email:Folders:1"] = "Partners",
                ["SyncHub:Adapters:Email:OwnAddresses:0"] = "support@example.com",
                ["SyncHub:Adapters:Email:BatchSize"] = "20",
                ["SyncHub:Adapters:Email:MaxBodyChars"] = "5000",
                ["SyncHub:Adapters:Email:MoveTo"] = "Processed",
                ["SyncHub:Adapters:Email:MarkSeen"] = "true",
                ["SyncHub:Adapters:Email:PollInterval"] = "00:00:30",
            },
            "SyncHub:Adapters:Email");

        Assert.Equal(MailSecurity.StartTls, options.Security);
        Assert.Equal(143, options.Port);
        Assert.Equal(["INBOX", "Partners"], options.EffectiveFolders);
        Assert.Equal(["support@example.com"], options.OwnAddresses);
        Assert.Equal(20, options.BatchSize);
        Assert.Equal(5000, options.MaxBodyChars);
        Assert.Equal("Processed", options.MoveTo);
        Assert.True(options.MarkSeen);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PollInterval);
        Assert.Empty(Failures(options, "SyncHub:Adapters:Email"));
    }

    [Fact]
    public void Defaults_Email_AreSafeForAnImapsMailbox()
    {
        var options = new EmailOptions();

        Assert.Equal(["INBOX"], options.EffectiveFolders);
        Assert.Equal(993, options.Port);
        Assert.Equal(MailSecurity.Ssl, options.Security);
        Assert.Equal(50, options.BatchSize);
        Assert.Equal(100_000, options.MaxBodyChars);
        Assert.Null(options.MoveTo);
        Assert.False(options.MarkSeen);
        Assert.False(options.SkipExisting);
    }

    [Theory]
    [InlineData("BatchSize", "0")]
    [InlineData("MaxBodyChars", "2000000")]
    [InlineData("MaxMimeDepth", "0")]
    [InlineData("MaxMimeParts", "0")]
    [InlineData("Port", "70000")]
    [InlineData("MoveTo", "INBOX")]
    [InlineData("OwnAddresses:0", "not-an-address")]
    [InlineData("Folders:0", " ")]
    [InlineData("Timeout", "00:00:00")]
    public void Validate_BadEmailSetting_NamesTheKey(string key, string value)
    {
        var options = Bind<EmailOptions>(new() { [$"SyncHub:Adapters:Email:{key}"] = value }, "SyncHub:Adapters:Email");

        var failure = Assert.Single(Failures(options, "SyncHub:Adapters:Email"));

        Assert.StartsWith($"SyncHub:Adapters:Email:{key.Split(':')[0]}: ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EnabledSmtpWithoutHostOrFrom_NamesEachKey()
    {
        var failures = Failures(new SmtpOptions { Enabled = true }, "SyncHub:Adapters:Smtp");

        Assert.Contains("SyncHub:Adapters:Smtp:Host: is required when the adapter is enabled", failures);
        Assert.Contains("SyncHub:Adapters:Smtp:From: is required when the adapter is enabled", failures);
    }

    [Theory]
    [InlineData("From", "not an address")]
    [InlineData("User", "mailer")]
    [InlineData("MessageIdDomain", "bad domain")]
    [InlineData("Port", "0")]
    public void Validate_BadSmtpSetting_NamesTheKey(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["SyncHub:Adapters:Smtp:From"] = "support@example.com", [$"SyncHub:Adapters:Smtp:{key}"] = value };
        var options = Bind<SmtpOptions>(settings, "SyncHub:Adapters:Smtp");

        var failure = Assert.Single(Failures(options, "SyncHub:Adapters:Smtp"));

        Assert.StartsWith($"SyncHub:Adapters:Smtp:{(key == "User" ? "Password" : key)}: ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SmtpSection_ReadsEveryKey()
    {
        var options = Bind<SmtpOptions>(
            new()
            {
                ["SyncHub:Adapters:Smtp:Enabled"] = "true",
                ["SyncHub:Adapters:Smtp:Host"] = "smtp.example.com",
                ["SyncHub:Adapters:Smtp:Port"] = "465",
                ["SyncHub:Adapters:Smtp:Security"] = "ssl",
                ["SyncHub:Adapters:Smtp:User"] = "mailer",
                ["SyncHub:Adapters:Smtp:Password"] = "secret",
                ["SyncHub:Adapters:Smtp:From"] = "Support <support@example.com>",
                ["SyncHub:Adapters:Smtp:Timeout"] = "00:00:10",
            },
            "SyncHub:Adapters:Smtp");

        Assert.Equal(MailSecurity.Ssl, options.Security);
        Assert.Equal("support@example.com", options.FromMailbox?.Address);
        Assert.Equal("example.com", options.EffectiveMessageIdDomain);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Empty(Failures(options, "SyncHub:Adapters:Smtp"));
    }

    [Fact]
    public void Defaults_Smtp_AreSubmissionWithStartTls()
    {
        var options = new SmtpOptions();

        Assert.Equal(587, options.Port);
        Assert.Equal(MailSecurity.StartTls, options.Security);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public void ValidateOnStart_InvalidOptions_FailWithTheFullKey()
    {
        var validator = new SectionValidator<EmailOptions>("SyncHub:Adapters:Email");
        var result = validator.Validate(Options.DefaultName, new EmailOptions { Enabled = true, Host = "h", User = "u", Password = "p", BatchSize = 0 });

        Assert.True(result.Failed);
        Assert.Contains("SyncHub:Adapters:Email:BatchSize:", result.FailureMessage, StringComparison.Ordinal);
    }
}
