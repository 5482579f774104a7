using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Tests;

public sealed class ToolHttpRegistrationTests
{
    private sealed class ToolOptions : AdapterOptions;

    /// <summary>The smallest builder: the SDK's extension needs only <see cref="ISyncHubBuilder.Services"/>.</summary>
    private sealed class ServicesOnly(IServiceCollection services) : ISyncHubBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

        public ISyncHubBuilder AddAdapterOptions<TOptions>(IConfigurationSection section) where TOptions : AdapterOptions => this;

        public ISyncHubBuilder AddPollingSource<TSource, TOptions>(IConfigurationSection section) where TSource : class, IPollingSource where TOptions : AdapterOptions => this;

        public ISyncHubBuilder AddWebhookSource<TSource, TOptions>(IConfigurationSection section) where TSource : class, IWebhookSource where TOptions : AdapterOptions => this;

        public ISyncHubBuilder AddNotifier<TNotifier, TOptions>(IConfigurationSection section) where TNotifier : class, INotifier where TOptions : AdapterOptions => this;

        public ISyncHubBuilder AddAccountSource<TSource, TOptions>(IConfigurationSection section) where TSource : class, IAccountSource where TOptions : AdapterOptions => this;

        public ISyncHubBuilder AddReplyChannel(SyncHub.Domain.Channel channel, string eventType, string setting) => this;
    }

    [Fact]
    public void AddToolHttpClient_SecondCallForOneName_AddsNoRegistration()
    {
        var services = new ServiceCollection();
        var hub = new ServicesOnly(services);
        hub.AddToolHttpClient<ToolOptions>("tool", o => HttpRetrySettings.SingleAttempt(o.Timeout));
        var once = services.Count;

        hub.AddToolHttpClient<ToolOptions>("tool", o => HttpRetrySettings.SingleAttempt(o.Timeout));

        Assert.Equal(once, services.Count);
    }

    [Fact]
    public void AddToolHttpClient_AnotherName_AddsItsOwnClient()
    {
        var services = new ServiceCollection();
        var hub = new ServicesOnly(services);
        hub.AddToolHttpClient<ToolOptions>("tool", o => HttpRetrySettings.SingleAttempt(o.Timeout));
        var once = services.Count;

        hub.AddToolHttpClient<ToolOptions>("other", o => HttpRetrySettings.SingleAttempt(o.Timeout));

        Assert.True(services.Count > once);
    }
}
