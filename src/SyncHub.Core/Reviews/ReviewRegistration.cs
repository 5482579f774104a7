using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHub.Hosting;
using SyncHub.InMemory;
using SyncHub.Pipeline;
using SyncHub.Policies;

namespace SyncHub.Reviews;

/// <summary>Registers the app-review policies: team routing, priority from rating and wording, critical and frequent alerts.</summary>
public static class ReviewRegistration
{
    /// <summary>
    /// Binds and validates <c>SyncHub:Reviews</c> at start (failures name the full key), registers the
    /// <see cref="ReviewRules"/>, an in-memory <see cref="IReviewSignalStore"/> unless one is registered, the
    /// <see cref="ReviewAlerts"/> hook, and wraps the registered <see cref="IPriorityPolicy"/> and
    /// <see cref="IAssignmentPolicy"/> in <see cref="ReviewPriorityPolicy"/> and <see cref="ReviewAssignmentPolicy"/>
    /// (Scrutor's Decorate; app reviews only, other channels keep their policy). <c>AddSyncHubCore</c> calls it after
    /// registering the policies it decorates; calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddReviewPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(ReviewRules)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ReviewOptions>(configuration.GetSection(ReviewOptions.SectionName));
        services.AddSingleton(sp => ReviewRules.Create(sp.GetRequiredService<IOptions<ReviewOptions>>().Value));
        services.TryAddSingleton<IReviewSignalStore, InMemoryReviewSignalStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketCreationHook, ReviewAlerts>());
        services.Decorate<IPriorityPolicy>((inner, sp) => new ReviewPriorityPolicy(inner, sp.GetRequiredService<ReviewRules>()));
        services.Decorate<IAssignmentPolicy>((inner, sp) => new ReviewAssignmentPolicy(inner, sp.GetRequiredService<ReviewRules>()));
        return services;
    }
}
