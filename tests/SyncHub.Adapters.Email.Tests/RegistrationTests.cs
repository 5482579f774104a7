using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The modules as the host uses them: registered only when enabled, options validated with the full key.</summary>
public sealed class RegistrationTests
{
    private static (ServiceProvider Provider, bool EmailAdded, bool SmtpAdded) Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var hub = services.AddSyncHubCore(configuration);
        services.AddInMemoryStore();
        var email = hub.AddModule(new EmailModule());
        var smtp = hub.AddModule(new SmtpModule());
        return (services.BuildServiceProvider(), email, smtp);
    }

    private static Dictionary<string, string?> Enabled() => new()
    {
        ["SyncHub:Adapters:Email:Enabled"] = "true",
        ["SyncHub:Adapters:Email:Host"] = "imap.example.com",
        ["SyncHub:Adapters:Email:User"] = "support@example.com",
        ["SyncHub:Adapters:Email:Password"] = "secret",
        ["SyncHub:Adapters:Smtp:Enabled"] = "true",
        ["SyncHub:Adapters:Smtp:Host"] = "smtp.example.com",
        ["SyncHub:Adapters:Smtp:From"] = "Support <support@example.com>",
    };

    [Fact]
    public async Task AddModule_Enabled_RegistersTheSourceAndTheNotifier()
    {
        var (provider, email, smtp) = Build(Enabled());
        await using var _ = provider;

        Assert.True(email);
        Assert.True(smtp);
        Assert.Equal("Email", Assert.Single(provider.GetServices<PollingSourceDescriptor>()).Name);
        Assert.Same(provider.GetRequiredService<EmailSource>(), provider.GetRequiredService<EmailSource>());
        Assert.IsType<SmtpNotifier>(Assert.Single(provider.GetServices<INotifier>()));
        Assert.Equal("imap.example.com", provider.GetRequiredService<IOptions<EmailOptions>>().Value.Host);
    }

    [Fact]
    public async Task AddModule_Disabled_RegistersNothing()
    {
        var (provider, email, smtp) = Build([]);
        await using var _ = provider;

        Assert.False(email);
        Assert.False(smtp);
        Assert.Empty(provider.GetServices<PollingSourceDescriptor>());
        Assert.Empty(provider.GetServices<INotifier>());
    }

    [Fact]
    public async Task AddModule_MissingPassword_FailsAtStartNamingTheKey()
    {
        var settings = Enabled();
        settings.Remove("SyncHub:Adapters:Email:Password");
        var (provider, _, _) = Build(settings);
        await using var _ = provider;

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("SyncHub:Adapters:Email:Password: is required when the adapter is enabled", error.Failures);
    }

    [Fact]
    public void Modules_Names_AreTheConfigurationKeys()
    {
        Assert.Equal("Email", new EmailModule().Name);
        Assert.Equal("Smtp", new SmtpModule().Name);
    }
}
