using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.InMemory;
using SyncHub.Leases;
using SyncHub.Outbox;
using SyncHub.Pipeline;
using SyncHub.Policies;
using SyncHub.Reviews;
using SyncHub.Sla;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Hosting;

/// <summary>Registers the core: options, policies, the intake pipeline, pollers, metrics and health checks.</summary>
public static class SyncHubServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SyncHub core with the organisation's policies (<see cref="SlaServiceCollectionExtensions.AddSlaPolicies"/>
    /// and <see cref="ReviewRegistration.AddReviewPolicies"/>). The store is left to the caller (<see cref="AddInMemoryStore"/>
    /// or the Redis store). Calling it twice changes nothing.
    /// </summary>
    public static SyncHubBuilder AddSyncHubCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SyncHubMetrics>();
        services.AddValidatedOptions<PipelineOptions>(configuration.GetSection(PipelineOptions.SectionName));
        services.AddValidatedOptions<SlaMonitorOptions>(configuration.GetSection(SlaMonitorOptions.SectionName));
        services.AddValidatedOptions<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.AddValidatedOptions<RoutingOptions>(configuration.GetSection(RoutingOptions.SectionName));
        services.AddValidatedOptions<LeaseOptions>(configuration.GetSection(LeaseOptions.SectionName));
        services.TryAddSingleton(_ => LeaseOwner.ForThisProcess());

        services.TryAddSingleton<IAccountDirectory, EmptyAccountDirectory>();
        services.TryAddSingleton<IAssignmentPolicy, NoAssignmentPolicy>();
        services.TryAddSingleton<SyncHub.Agents.IAgentDirectory>(new SyncHub.Agents.StaticAgentDirectory([]));
        services.TryAddSingleton<TicketFactory>();
        services.AddValidatedOptions<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        services.TryAddSingleton<WorkflowMetrics>();
        services.TryAddSingleton<ReplyChannels>();
        services.TryAddSingleton<NotifierPauses>();
        services.TryAddSingleton<ITeamAlerts, TeamAlerts>();
        services.TryAddSingleton<SecretRegistry>();
        services.TryAddSingleton<ISecretRegistry>(sp => sp.GetRequiredService<SecretRegistry>());
        services.TryAddSingleton<ReplyPlanner>();
        services.TryAddSingleton<SlaRestamp>();
        services.TryAddSingleton<TicketWorkflow>();
        if (!services.Any(d => d.ImplementationInstance is ReplyChannel { Channel: Channel.Internal }))
        {
            // Internal requests are the core's own channel: answered by e-mail to the requester.
            services.AddSingleton(new ReplyChannel(Channel.Internal, MailEvents.Reply, ReplyChannels.MailSetting));
        }

        services.TryAddSingleton<IContactLookup, RequesterEmailLookup>();
        services.AddValidatedOptions<CallFollowUpOptions>(configuration.GetSection(CallFollowUpOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketCreationHook, CallFollowUp>());
        services.AddValidatedOptions<ConversationOptions>(configuration.GetSection(ConversationOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketCreatedHook, CustomerReplies>());
        services.AddValidatedOptions<AssignmentOptions>(configuration.GetSection(AssignmentOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketCreatedHook, RoundRobinAssignment>());

        if (!services.Any(d => d.ServiceType == typeof(IntakePipeline)))
        {
            services.AddSingleton<IntakePipeline>();
            services.AddSingleton<IIntakePipeline>(sp => sp.GetRequiredService<IntakePipeline>());
            services.AddHostedService(sp => sp.GetRequiredService<IntakePipeline>());
            services.AddSingleton<PollerState>();
            services.AddHostedService<PollerService>();
            services.AddSingleton<OutboxMetrics>();
            services.AddHostedService<OutboxDispatcher>();
            services.AddSingleton<SlaMetrics>();
            services.AddSingleton<SlaMonitor>();
            services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());
            services.AddSingleton<OperatorGauges>();
            services.AddHostedService(sp => sp.GetRequiredService<OperatorGauges>());
        }

        // The organisation's SLA table, calendars and routing rules (defaults from the support process), and the
        // app-review rules around them (they act on app-review tickets only, whichever source brought them).
        services.AddSlaPolicies(configuration);
        services.AddReviewPolicies(configuration);

        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [HealthTags.Ready])
            .AddCheck<PipelineHealthCheck>("pipeline", tags: [HealthTags.Ready])
            .AddCheck<PollerHealthCheck>("pollers", tags: [HealthTags.Ready])
            .AddCheck<LeaseHealthCheck>("leases", tags: [HealthTags.Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [HealthTags.Ready]);

        return new SyncHubBuilder(services, configuration);
    }

    /// <summary>The in-memory store: tickets, cursors, dead letters and poller leases live as long as the process.</summary>
    public static IServiceCollection AddInMemoryStore(this IServiceCollection services)
    {
        services.TryAddSingleton<ITicketStore, InMemoryTicketStore>();
        services.TryAddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        services.TryAddSingleton<ILeaseStore, InMemoryLeaseStore>();
        services.TryAddSingleton<IDeadLetterStore, InMemoryDeadLetterStore>();
        services.TryAddSingleton<IOutboxQueue, InMemoryOutboxQueue>();
        services.TryAddSingleton<SyncHub.Agents.IAgentAvailability, InMemoryAgentAvailability>();
        services.TryAddSingleton<ICannedAnswerStore, InMemoryCannedAnswerStore>();
        services.TryAddSingleton<IOutboxAppender>(sp => sp.GetRequiredService<ITicketStore>() as IOutboxAppender
            ?? throw new InvalidOperationException("The ticket store does not take team alerts: register an IOutboxAppender beside it."));
        return services;
    }
}
