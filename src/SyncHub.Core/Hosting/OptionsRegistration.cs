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
        return services.AddOptions<TOptions>()
            .Bind(section, o => o.ErrorOnUnknownConfiguration = false)
            .ValidateOnStart();
    }
}
