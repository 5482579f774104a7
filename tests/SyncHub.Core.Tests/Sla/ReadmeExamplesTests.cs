using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Sla;
using static SyncHub.Core.Tests.Policies.TestConfig;
using static SyncHub.Core.Tests.Policies.TestTickets;

namespace SyncHub.Core.Tests.Sla;

/// <summary>The configuration examples of Sla/README.md, as the JSON and environment providers deliver them, are valid.</summary>
public sealed class ReadmeExamplesTests
{
    private static readonly (string Key, string? Value)[] SlaExample =
    [
        ("SyncHub:Sla:ActiveStatuses:0", "Active"),
        ("SyncHub:Sla:ActiveStatuses:1", "Customer"),
        ("SyncHub:Sla:AtRiskShare", "0.8"),
        ("SyncHub:Sla:Calendars:support:TimeZone", "America/Sao_Paulo"),
        ("SyncHub:Sla:Calendars:support:Hours:Monday", "08:00-20:00"),
        ("SyncHub:Sla:Calendars:support:Hours:Saturday", "09:00-13:00"),
        ("SyncHub:Sla:Calendars:support:Holidays:2026-02-16", "Carnival Monday"),
        ("SyncHub:Sla:Calendars:support:Holidays:2026-11-20", ""),
        ("SyncHub:Sla:Calendars:support:BusinessDay", "12 hours"),
        ("SyncHub:Sla:Calendars:berlin:TimeZone", "Europe/Berlin"),
        ("SyncHub:Sla:Calendars:berlin:Hours:Mon", "09:00-12:00, 13:00-17:00"),
        ("SyncHub:Sla:Calendars:berlin:Hours:Tue", "09:00-12:00, 13:00-17:00"),
        ("SyncHub:Sla:Policies:gold-high:FirstResponse", "15 minutes"),
        ("SyncHub:Sla:Policies:gold-high:Resolution", "8 hours"),
        ("SyncHub:Sla:Policies:bronze-low:Enabled", "False"),
        ("SyncHub:Sla:Policies:eu-medium:Plan", "Enterprise EU"),
        ("SyncHub:Sla:Policies:eu-medium:Priority", "Medium"),
        ("SyncHub:Sla:Policies:eu-medium:FirstResponse", "1 business day"),
        ("SyncHub:Sla:Policies:eu-medium:Clock", "berlin"),
        ("SyncHub:Sla:Policies:gold-grace:Plan", "Gold"),
        ("SyncHub:Sla:Policies:gold-grace:Priority", "High"),
        ("SyncHub:Sla:Policies:gold-grace:Statuses:0", "Grace Period"),
        ("SyncHub:Sla:Policies:gold-grace:FirstResponse", "4 hours"),
        ("SyncHub:Sla:Policies:gold-grace:Clock", "24x7"),
    ];

    private static readonly (string Key, string? Value)[] RoutingExample =
    [
        ("SyncHub:Routing:DefaultPriority", "Low"),
        ("SyncHub:Routing:ChannelPriorities:Email", "Medium"),
        ("SyncHub:Routing:ChannelPriorities:Phone", "High"),
        ("SyncHub:Routing:DefaultDepartment", "Community"),
        ("SyncHub:Routing:PriorityRules:outage:Order", "10"),
        ("SyncHub:Routing:PriorityRules:outage:When:Keywords:0", "system down"),
        ("SyncHub:Routing:PriorityRules:outage:When:Keywords:1", "cannot access"),
        ("SyncHub:Routing:PriorityRules:outage:When:Keywords:2", "can't access"),
        ("SyncHub:Routing:PriorityRules:outage:When:Keywords:3", "outage"),
        ("SyncHub:Routing:PriorityRules:outage:When:Keywords:4", "production down"),
        ("SyncHub:Routing:PriorityRules:outage:Priority", "High"),
        ("SyncHub:Routing:PriorityRules:outage:Reason", "the request reports an outage or lost access"),
        ("SyncHub:Routing:PriorityRules:hotline-paid:Enabled", "False"),
        ("SyncHub:Routing:PriorityRules:security:Order", "15"),
        ("SyncHub:Routing:PriorityRules:security:When:Keywords:0", "security breach"),
        ("SyncHub:Routing:PriorityRules:security:When:Keywords:1", "data leak"),
        ("SyncHub:Routing:PriorityRules:security:Priority", "High"),
        ("SyncHub:Routing:PriorityRules:security:Reason", "a security incident"),
        ("SyncHub:Routing:DepartmentRules:sales-leads:Order", "30"),
        ("SyncHub:Routing:DepartmentRules:sales-leads:When:Source:0", "WebForm"),
        ("SyncHub:Routing:DepartmentRules:sales-leads:When:Keywords:0", "pricing"),
        ("SyncHub:Routing:DepartmentRules:sales-leads:When:Sla", "False"),
        ("SyncHub:Routing:DepartmentRules:sales-leads:Department", "Trials"),
        ("SyncHub:Routing:DepartmentRules:sales-leads:Reason", "a sales question from the website"),
    ];

    private static readonly string[] EnvironmentExample =
    [
        "SyncHub__Sla__Policies__gold-high__FirstResponse=15 minutes",
        "SyncHub__Sla__Policies__pro-low__Enabled=false",
        "SyncHub__Sla__Calendars__support__Holidays__2028-01-01=New Year's Day",
        "SyncHub__Sla__Calendars__support__Hours__Saturday=09:00-13:00",
        "SyncHub__Sla__ActiveStatuses__0=Active",
        "SyncHub__Sla__ActiveStatuses__1=Customer",
        "SyncHub__Sla__ActiveStatuses__2=Grace Period",
        "SyncHub__Routing__PriorityRules__outage__When__Keywords__0=site down",
        "SyncHub__Routing__DepartmentRules__trials__When__AccountStatus__0=Active SaaS Trial",
        "SyncHub__Routing__ChannelPriorities__Phone=High",
    ];

    [Fact]
    public void Validate_JsonExamples_Succeed()
    {
        Assert.Equal("", StartupFailure([.. SlaExample, .. RoutingExample]));
    }

    [Fact]
    public void Validate_EnvironmentExamples_Succeed()
    {
        var pairs = EnvironmentExample
            .Select(line => line.Split('=', 2))
            .Select(parts => (parts[0].Replace("__", ":", StringComparison.Ordinal), (string?)parts[1]))
            .ToArray();

        Assert.Equal("", StartupFailure(pairs));
    }

    [Fact]
    public void Stamp_JsonExample_AppliesTheOverrides()
    {
        using var provider = Services([.. SlaExample, .. RoutingExample]);
        var sla = provider.GetRequiredService<ISlaPolicy>();
        var priority = provider.GetRequiredService<IPriorityPolicy>();

        var gold = sla.Stamp(Context(Account("Gold", "Active"), new DateTimeOffset(2026, 3, 7, 6, 0, 0, TimeSpan.Zero)), Priority.High).Value;
        var call = priority.Decide(Context(Account("Gold", "Active"), record: Record(Channel.Phone, "Call", "", source: "Freshcaller")));

        Assert.Equal(TimeSpan.FromMinutes(15), gold?.FirstResponseTarget);
        Assert.Equal(TimeSpan.FromHours(8), gold?.ResolutionTarget);
        Assert.Equal("default priority of the Phone channel", call.Reason);
    }
}
