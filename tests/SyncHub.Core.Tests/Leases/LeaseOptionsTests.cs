using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;
using SyncHub.Leases;

namespace SyncHub.Core.Tests.Leases;

public sealed class LeaseOptionsTests
{
    private static ServiceProvider CreateSut(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddValidatedOptions<LeaseOptions>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(LeaseOptions.SectionName));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Options_NothingConfigured_TtlFifteenSecondsRenewedEveryFive()
    {
        using var provider = CreateSut([]);

        var options = provider.GetRequiredService<IOptions<LeaseOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(15), options.Ttl);
        Assert.Null(options.RenewEvery);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RenewInterval);
    }

    [Fact]
    public void Options_TtlOnly_RenewsEveryThirdOfIt()
    {
        using var provider = CreateSut(new() { ["SyncHub:Leases:Ttl"] = "00:00:03" });

        Assert.Equal(TimeSpan.FromSeconds(1), provider.GetRequiredService<IOptions<LeaseOptions>>().Value.RenewInterval);
    }

    [Fact]
    public void Options_RenewEveryMoreThanHalfTheTtl_FailsNamingTheFullKey()
    {
        using var provider = CreateSut(new() { ["SyncHub:Leases:Ttl"] = "00:00:10", ["SyncHub:Leases:RenewEvery"] = "00:00:06" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LeaseOptions>>().Value);

        Assert.Contains("SyncHub:Leases:RenewEvery", error.Message, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Leases:Ttl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ZeroTtl_FailsNamingTheFullKey()
    {
        using var provider = CreateSut(new() { ["SyncHub:Leases:Ttl"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LeaseOptions>>().Value);

        Assert.Contains("SyncHub:Leases:Ttl", error.Message, StringComparison.Ordinal);
    }
}
