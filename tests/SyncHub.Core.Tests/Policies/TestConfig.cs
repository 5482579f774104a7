using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Sla;

namespace SyncHub.Core.Tests.Policies;

internal static class TestConfig
{
    /// <summary>Configuration from key/value pairs, the way appsettings.json and environment variables arrive.</summary>
    public static IConfiguration Build(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    public static ServiceProvider Services(params (string Key, string? Value)[] values)
    {
        var services = new ServiceCollection();
        services.AddSlaPolicies(Build(values));
        return services.BuildServiceProvider();
    }

    /// <summary>Runs the validation the host runs at start and returns the failure message (empty when valid).</summary>
    public static string StartupFailure(params (string Key, string? Value)[] values)
    {
        using var provider = Services(values);
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return "";
        }
        catch (OptionsValidationException ex)
        {
            return ex.Message;
        }
        catch (AggregateException ex)
        {
            return string.Join("; ", ex.InnerExceptions.Select(e => e.Message));
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder's own failure (a value that does not convert), which also names the key.
            return ex.Message;
        }
    }
}
