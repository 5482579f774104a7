using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Policies;
using static SyncHub.Core.Tests.Policies.TestTickets;

namespace SyncHub.Core.Tests.Policies;

public sealed class RuleBasedDepartmentPolicyTests
{
    private static readonly SlaStamp GoldHigh = new()
    {
        Policy = "gold-high",
        FirstResponseDueAt = Monday10.AddMinutes(30),
    };

    private static IDepartmentPolicy CreateSut(params (string Key, string? Value)[] configuration)
    {
        using var provider = TestConfig.Services(configuration);
        var policy = provider.GetRequiredService<IDepartmentPolicy>();
        Assert.IsType<RuleBasedDepartmentPolicy>(policy);
        return policy;
    }

    [Fact]
    public void Route_ContractualSla_PaidSupport()
    {
        var decision = CreateSut().Route(Context(Account("Gold", "Active")), GoldHigh);

        Assert.Equal(Department.PaidSupport, decision.Value);
        Assert.Equal("the account has a contractual SLA (rule paid-support: SLA gold-high)", decision.Reason);
    }

    [Theory]
    [InlineData("Trial")]
    [InlineData("Potential")]
    [InlineData("Potential VIP")]
    [InlineData("Potential - VIP")]
    [InlineData("potential vip")]
    public void Route_TrialOrPotentialCustomer_Trials(string status)
    {
        var decision = CreateSut().Route(Context(Account("Gold", status)), sla: null);

        Assert.Equal(Department.Trials, decision.Value);
        Assert.Equal($"an active trial or a potential customer (rule trials: status {status})", decision.Reason);
    }

    [Fact]
    public void Route_CommunityAccount_Community()
    {
        var decision = CreateSut().Route(Context(Account("Community", "Active")), sla: null);

        Assert.Equal(Department.Community, decision.Value);
        Assert.Equal("no department rule matched account Acme Ltd (plan Community, status Active)", decision.Reason);
    }

    [Fact]
    public void Route_UnknownRequester_Community()
    {
        var decision = CreateSut().Route(Context(account: null), sla: null);

        Assert.Equal(Department.Community, decision.Value);
        Assert.Equal("unknown requester: no department rule matched", decision.Reason);
    }

    [Fact]
    public void Route_BestEffortStamp_NotPaidSupport()
    {
        var bestEffort = new SlaStamp { Policy = "community" };

        Assert.Equal(Department.Community, CreateSut().Route(Context(Account("Community", "Active")), bestEffort).Value);
    }

    [Fact]
    public void Route_TrialStatusWithSla_FirstMatchPaidSupport()
    {
        Assert.Equal(Department.PaidSupport, CreateSut().Route(Context(Account("Gold", "Trial")), GoldHigh).Value);
    }

    [Fact]
    public void Route_CustomRuleFromConfiguration_Applies()
    {
        var sut = CreateSut(
            ("SyncHub:Routing:DepartmentRules:sales-leads:Order", "30"),
            ("SyncHub:Routing:DepartmentRules:sales-leads:When:Source:0", "WebForm"),
            ("SyncHub:Routing:DepartmentRules:sales-leads:When:Keywords:0", "pricing"),
            ("SyncHub:Routing:DepartmentRules:sales-leads:When:Sla", "false"),
            ("SyncHub:Routing:DepartmentRules:sales-leads:Department", "Trials"),
            ("SyncHub:Routing:DepartmentRules:sales-leads:Reason", "a sales question from the website"));

        var decision = sut.Route(Context(account: null, record: Record(Channel.Web, "Pricing for 500 users", source: "WebForm")), sla: null);

        Assert.Equal(Department.Trials, decision.Value);
        Assert.Equal("a sales question from the website (rule sales-leads: source WebForm, no SLA, mentions \"pricing\")", decision.Reason);
    }

    [Fact]
    public void Route_CustomRuleOrderedFirst_WinsOverDefaultRules()
    {
        var sut = CreateSut(
            ("SyncHub:Routing:DepartmentRules:vip-trials:Order", "1"),
            ("SyncHub:Routing:DepartmentRules:vip-trials:When:Plan:0", "Gold"),
            ("SyncHub:Routing:DepartmentRules:vip-trials:When:Channel:0", "Chat"),
            ("SyncHub:Routing:DepartmentRules:vip-trials:Department", "Community"));

        var record = Record(Channel.Chat, source: "Livechat");

        Assert.Equal(Department.Community, sut.Route(Context(Account("Gold", "Active"), record: record), GoldHigh).Value);
        Assert.Equal(Department.PaidSupport, sut.Route(Context(Account("Gold", "Active")), GoldHigh).Value);
    }

    [Fact]
    public void Route_DepartmentWrittenWithSpaces_Parses()
    {
        var sut = CreateSut(
            ("SyncHub:Routing:DepartmentRules:hotline:Order", "5"),
            ("SyncHub:Routing:DepartmentRules:hotline:When:Channel:0", "phone"),
            ("SyncHub:Routing:DepartmentRules:hotline:Department", "Paid Support"));

        Assert.Equal(Department.PaidSupport, sut.Route(Context(account: null, record: Record(Channel.Phone, source: "Freshcaller")), sla: null).Value);
    }

    [Fact]
    public void Route_TrialsRuleDisabled_TrialGoesToTheDefault()
    {
        var sut = CreateSut(("SyncHub:Routing:DepartmentRules:trials:Enabled", "false"), ("SyncHub:Routing:DefaultDepartment", "Trials"));

        var decision = sut.Route(Context(Account("Gold", "Trial")), sla: null);

        Assert.Equal(Department.Trials, decision.Value);
        Assert.StartsWith("no department rule matched", decision.Reason, StringComparison.Ordinal);
    }
}
