using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;
using SyncHub.Policies;

namespace SyncHub.Sla;

/// <summary>Registers the SLA table, the calendars and the rule-based routing policies.</summary>
public static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>SyncHub:Sla</c> at start (failures name the full key), registers the
    /// <see cref="SlaTable"/> and its <see cref="SlaCalendars"/>, and replaces the default
    /// <see cref="ISlaPolicy"/>, <see cref="IPriorityPolicy"/> and <see cref="IDepartmentPolicy"/> with
    /// <see cref="TableSlaPolicy"/>, <see cref="RuleBasedPriorityPolicy"/> and <see cref="RuleBasedDepartmentPolicy"/>.
    /// Call after <c>AddSyncHubCore</c>, which binds <c>SyncHub:Routing</c>. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddSlaPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(SlaTable)))
        {
            return services;
        }

        services.AddValidatedOptions<SlaOptions>(configuration.GetSection(SlaOptions.SectionName));
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<RoutingOptions>)))
        {
            services.AddValidatedOptions<RoutingOptions>(configuration.GetSection(RoutingOptions.SectionName));
        }

        services.AddSingleton(sp => SlaTable.Create(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<SlaTable>().Calendars);
        services.Replace(ServiceDescriptor.Singleton<ISlaPolicy, TableSlaPolicy>());
        services.Replace(ServiceDescriptor.Singleton<IPriorityPolicy, RuleBasedPriorityPolicy>());
        services.Replace(ServiceDescriptor.Singleton<IDepartmentPolicy, RuleBasedDepartmentPolicy>());
        return services;
    }
}
