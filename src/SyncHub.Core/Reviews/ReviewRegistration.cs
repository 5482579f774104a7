using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
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
    /// (app reviews only; other channels keep their policy). Call after <c>AddSyncHubCore</c>, whose policies it
    /// decorates; the AppFollow module calls it. Calling it again changes nothing.
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketCreatedHook, ReviewAlerts>());
        Decorate<IPriorityPolicy, DefaultPriorityPolicy>(services, (sp, inner) => new ReviewPriorityPolicy(inner, sp.GetRequiredService<ReviewRules>()));
        Decorate<IAssignmentPolicy, NoAssignmentPolicy>(services, (sp, inner) => new ReviewAssignmentPolicy(inner, sp.GetRequiredService<ReviewRules>()));
        return services;
    }

    /// <summary>The same for an adapter module: reads <c>SyncHub:Reviews</c> from the builder's configuration.</summary>
    public static ISyncHubBuilder AddReviewPolicies(this ISyncHubBuilder hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Services.AddReviewPolicies(hub is SyncHubBuilder builder ? builder.Configuration : new ConfigurationBuilder().Build());
        return hub;
    }

    /// <summary>Replaces the last registration of <typeparamref name="TService"/> by <paramref name="decorate"/> around it (or around <typeparamref name="TDefault"/> when none is registered).</summary>
    private static void Decorate<TService, TDefault>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
        where TDefault : class, TService
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? ServiceDescriptor.Singleton<TService, TDefault>();
        services.RemoveAll<TService>();
        services.AddSingleton(sp => decorate(sp, Resolve<TService>(sp, inner)));
    }

    private static TService Resolve<TService>(IServiceProvider services, ServiceDescriptor descriptor)
        where TService : class =>
        descriptor switch
        {
            { ImplementationInstance: TService instance } => instance,
            { ImplementationFactory: { } factory } => (TService)factory(services),
            { ImplementationType: { } type } => (TService)ActivatorUtilities.CreateInstance(services, type),
            _ => throw new InvalidOperationException($"cannot decorate the registration of {typeof(TService).Name}"),
        };
}
