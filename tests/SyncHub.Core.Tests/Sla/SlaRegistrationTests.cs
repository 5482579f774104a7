using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Policies;
using SyncHub.Sla;
using static SyncHub.Core.Tests.Policies.TestTickets;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Sla;

/// <summary>AddSyncHubCore with the SLA table and routing rules, the way the host wires it.</summary>
public sealed class SlaRegistrationTests
{
    private static ServiceProvider CreateProvider(AccountSnapshot? account, TimeProvider time, params (string Key, string? Value)[] configuration)
    {
        var config = Policies.TestConfig.Build(configuration);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton<IAccountDirectory>(new FixedAccountDirectory(account));
        services.AddSyncHubCore(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddSyncHubCore_RegistersTheTableAndRulePolicies()
    {
        using var provider = CreateProvider(null, TimeProvider.System);

        Assert.IsType<TableSlaPolicy>(Assert.Single(provider.GetServices<ISlaPolicy>()));
        Assert.IsType<RuleBasedDepartmentPolicy>(Assert.Single(provider.GetServices<IDepartmentPolicy>()));

        // The rule-based priority policy, wrapped by the app-review rules (which pass every other channel through).
        Assert.IsType<SyncHub.Reviews.ReviewPriorityPolicy>(Assert.Single(provider.GetServices<IPriorityPolicy>()));
        var email = provider.GetRequiredService<IPriorityPolicy>().Decide(Context(null, record: Record(Channel.Email, source: "Email")));
        Assert.Equal(Priority.Medium, email.Value);
        Assert.Same(provider.GetRequiredService<SlaTable>().Calendars, provider.GetRequiredService<SlaCalendars>());
    }

    [Fact]
    public void AddSlaPolicies_CalledAgainAfterAddSyncHubCore_RegistersOnce()
    {
        var config = Policies.TestConfig.Build();
        var services = new ServiceCollection();
        services.AddSyncHubCore(config);

        services.AddSlaPolicies(config);
        services.AddSlaPolicies(config);

        Assert.Single(services, d => d.ServiceType == typeof(ISlaPolicy));
        Assert.Single(services, d => d.ServiceType == typeof(SlaTable));
        Assert.Single(services, d => d.ServiceType == typeof(IConfigureOptions<SlaOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IConfigureOptions<RoutingOptions>));
    }

    [Fact]
    public async Task CreateAsync_GoldAccountReportsOutage_StampedHighPaidSupportWithHistoryAsync()
    {
        var time = new FakeTimeProvider(At("2026-03-07T06:00:00Z"));
        using var provider = CreateProvider(Account("Gold", "Active"), time);
        var factory = provider.GetRequiredService<TicketFactory>();

        var creation = await factory.CreateAsync(Record(Channel.Email, "Production down", "Nobody can log in", source: "Email"), CancellationToken.None);

        var ticket = creation.Ticket;
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.Equal(Department.PaidSupport, ticket.Department);
        Assert.Equal("gold-high", ticket.Sla?.Policy);
        Assert.Equal(At("2026-03-07T06:30:00Z"), ticket.Sla?.FirstResponseDueAt);
        var sla = Assert.Single(creation.History, h => h.Type == HistoryTypes.SlaStamped);
        Assert.StartsWith("SLA gold-high: account Acme Ltd (CRM crm-42), plan Gold, status Active", sla.Message, StringComparison.Ordinal);
        Assert.Equal("2026-03-07T06:30:00.0000000Z", sla.Data?["firstResponseDueAt"]);
        var routed = Assert.Single(creation.History, h => h.Type == HistoryTypes.Routed);
        Assert.Contains("rule outage", routed.Message, StringComparison.Ordinal);
        Assert.Contains("rule paid-support", routed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_TrialAccountEmail_MediumTrialsBestEffortAsync()
    {
        using var provider = CreateProvider(Account("Gold", "Trial"), new FakeTimeProvider(Monday10));

        var creation = await provider.GetRequiredService<TicketFactory>().CreateAsync(Record(Channel.Email, source: "Email"), CancellationToken.None);

        Assert.Equal(Priority.Medium, creation.Ticket.Priority);
        Assert.Equal(Department.Trials, creation.Ticket.Department);
        Assert.Null(creation.Ticket.Sla);
        Assert.Contains(creation.History, h => h.Message == "No SLA: best effort: account Acme Ltd (CRM crm-42): status Trial is not an active customer (active: Active, Customer)");
    }

    [Fact]
    public void Resolve_InvalidSlaConfiguration_FailsNamingTheKey()
    {
        using var provider = CreateProvider(null, TimeProvider.System, ("SyncHub:Sla:Policies:gold-high:Clock", "weekdays"));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SyncHub:Sla:Policies:gold-high:Clock:", ex.Message, StringComparison.Ordinal);
    }
}
