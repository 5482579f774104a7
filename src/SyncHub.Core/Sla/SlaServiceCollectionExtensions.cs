using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;
using SyncHub.Policies;

namespace SyncHub.Sla;

/// <summary>Registers the SLA table, the calendars and the rule-based routing policies.</summary>
public static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>SyncHub:Sla</c> at start (failures name the full key), registers the
    /// <see cref="SlaTable"/> and its <see cref="SlaCalendars"/>, and the policies of ticket creation:
    /// <see cref="TableSlaPolicy"/>, <see cref="RuleBasedPriorityPolicy"/> and <see cref="RuleBasedDepartmentPolicy"/>.
    /// <c>AddSyncHubCore</c> calls it; calling it again changes nothing.
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
        services.AddSingleton<ISlaPolicy, TableSlaPolicy>();
        services.AddSingleton<IPriorityPolicy, RuleBasedPriorityPolicy>();
        services.AddSingleton<IDepartmentPolicy, RuleBasedDepartmentPolicy>();
        return services;
    }
}
