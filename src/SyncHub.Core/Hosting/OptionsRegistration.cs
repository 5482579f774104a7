using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SyncHub.Hosting;

/// <summary>Binds options from a configuration section and validates them at start, naming the full key on failure.</summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(
        this IServiceCollection services,
        IConfigurationSection section,
        Func<TOptions, IEnumerable<string>>? rules = null)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationInstance is SectionValidator<TOptions>))
        {
            // Already bound and validated (a module registering a poller and a webhook binds the same options twice).
            return services.AddOptions<TOptions>();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section.Path, rules)));
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(section));
        return services.AddOptions<TOptions>()
            .Configure(options => Bind(section, options))
            .ValidateOnStart();
    }

    /// <summary>
    /// Binds <paramref name="section"/> onto <paramref name="options"/>; a value that cannot be converted (the binder's
    /// <see cref="InvalidOperationException"/>, which names the key) becomes an <see cref="OptionsValidationException"/>,
    /// the one type the host reports as a configuration error.
    /// </summary>
    private static void Bind<TOptions>(IConfigurationSection section, TOptions options)
        where TOptions : class
    {
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = false);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), [ex.Message]);
        }
    }
}
