using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Policies;
using static SyncHub.Core.Tests.Policies.TestTickets;

namespace SyncHub.Core.Tests.Policies;

public sealed class RuleBasedPriorityPolicyTests
{
    private static IPriorityPolicy CreateSut(params (string Key, string? Value)[] configuration)
    {
        using var provider = TestConfig.Services(configuration);
        var policy = provider.GetRequiredService<IPriorityPolicy>();
        Assert.IsType<RuleBasedPriorityPolicy>(policy);
        return policy;
    }

    private static PolicyDecision<Priority> Decide(IPriorityPolicy sut, IntakeRecord record, AccountSnapshot? account = null) =>
        sut.Decide(Context(account, record: record));

    [Fact]
    public void Decide_EmailWithoutRuleMatch_StartsAtMedium()
    {
        var decision = Decide(CreateSut(), Record(Channel.Email, source: "Email"));

        Assert.Equal(Priority.Medium, decision.Value);
        Assert.Equal("default priority of the Email channel", decision.Reason);
    }

    [Theory]
    [InlineData(Priority.Low)]
    [InlineData(Priority.Medium)]
    [InlineData(Priority.High)]
    public void Decide_WebFormWithSenderPriority_TakesIt(Priority hint)
    {
        var decision = Decide(CreateSut(), Record(Channel.Web, hint: hint));

        Assert.Equal(hint, decision.Value);
        Assert.Equal("priority given by the requester", decision.Reason);
    }

    [Fact]
    public void Decide_NoHintNoChannelDefault_TakesTheConfiguredDefault()
    {
        var decision = Decide(CreateSut(), Record(Channel.Twitter, source: "Twitter"));

        Assert.Equal(Priority.Low, decision.Value);
        Assert.Equal("default priority", decision.Reason);
    }

    [Theory]
    [InlineData("System down since 9am", "", "system down")]
    [InlineData("Login problem", "We cannot access the admin panel", "cannot access")]
    [InlineData("Help", "I can't access my workspace", "can't access")]
    [InlineData("Outage in the EU region", "", "outage")]
    [InlineData("URGENT", "our PRODUCTION DOWN after upgrade", "production down")]
    public void Decide_OutageWording_RaisesToHigh(string subject, string body, string keyword)
    {
        var decision = Decide(CreateSut(), Record(Channel.Email, subject, body, source: "Email"));

        Assert.Equal(Priority.High, decision.Value);
        Assert.Equal($"the request reports an outage or lost access (rule outage: mentions \"{keyword}\")", decision.Reason);
    }

    [Fact]
    public void Decide_OutageWordingWithLowSenderPriority_RuleWins()
    {
        var decision = Decide(CreateSut(), Record(Channel.Web, "Outage", hint: Priority.Low));

        Assert.Equal(Priority.High, decision.Value);
    }

    [Theory]
    [InlineData("Gold", "Active")]
    [InlineData("Pro", "Customer")]
    [InlineData("silver", "active")]
    [InlineData("Support Plus", "Active")]
    [InlineData("Mission Critical", "Customer")]
    [InlineData("Standard", "Active")]
    public void Decide_HotlineCallFromPaidAccount_RaisesToHigh(string plan, string status)
    {
        var decision = Decide(CreateSut(), Record(Channel.Phone, "Call from +55 11 5555-0100", "", source: "Freshcaller"), Account(plan, status));

        Assert.Equal(Priority.High, decision.Value);
        Assert.Equal($"a hotline call from a paid account (rule hotline-paid: channel Phone, status {status}, plan {plan})", decision.Reason);
    }

    [Theory]
    [InlineData("Gold", "Trial")]
    [InlineData("Community", "Active")]
    public void Decide_HotlineCallFromUnpaidAccount_KeepsTheDefault(string plan, string status)
    {
        var decision = Decide(CreateSut(), Record(Channel.Phone, "Call", "", source: "Freshcaller"), Account(plan, status));

        Assert.Equal(Priority.Low, decision.Value);
    }

    [Fact]
    public void Decide_HotlineCallFromUnknownCaller_KeepsTheDefault()
    {
        Assert.Equal(Priority.Low, Decide(CreateSut(), Record(Channel.Phone, "Call", "", source: "Freshcaller")).Value);
    }

    [Fact]
    public void Decide_HotlineRuleDisabled_PaidCallKeepsTheDefault()
    {
        var sut = CreateSut(("SyncHub:Routing:PriorityRules:hotline-paid:Enabled", "false"));

        Assert.Equal(Priority.Low, Decide(sut, Record(Channel.Phone, "Call", "", source: "Freshcaller"), Account("Gold", "Active")).Value);
    }

    [Fact]
    public void Decide_CustomRuleFromConfiguration_Applies()
    {
        var sut = CreateSut(
            ("SyncHub:Routing:PriorityRules:security:Order", "15"),
            ("SyncHub:Routing:PriorityRules:security:When:Keywords:0", "security breach"),
            ("SyncHub:Routing:PriorityRules:security:When:Keywords:1", "data leak"),
            ("SyncHub:Routing:PriorityRules:security:Priority", "High"),
            ("SyncHub:Routing:PriorityRules:security:Reason", "a security incident"));

        var decision = Decide(sut, Record(Channel.Web, "Possible data leak", hint: Priority.Low));

        Assert.Equal(Priority.High, decision.Value);
        Assert.Equal("a security incident (rule security: mentions \"data leak\")", decision.Reason);
    }

    [Fact]
    public void Decide_TwoRulesMatch_LowestOrderWins()
    {
        var sut = CreateSut(
            ("SyncHub:Routing:PriorityRules:reviews:Order", "5"),
            ("SyncHub:Routing:PriorityRules:reviews:When:Channel:0", "AppReview"),
            ("SyncHub:Routing:PriorityRules:reviews:Priority", "Medium"));

        var decision = Decide(sut, Record(Channel.AppReview, "Outage", "app is down, outage everywhere", source: "AppFollow"));

        Assert.Equal(Priority.Medium, decision.Value);
        Assert.Equal("rule reviews (rule reviews: channel AppReview)", decision.Reason);
    }

    [Fact]
    public void Decide_DefaultRuleKeywordsReplaced_OldKeywordsNoLongerMatch()
    {
        var sut = CreateSut(("SyncHub:Routing:PriorityRules:outage:When:Keywords:0", "site down"));

        Assert.Equal(Priority.High, Decide(sut, Record(Channel.Email, "Our site down", source: "Email")).Value);
        Assert.Equal(Priority.Medium, Decide(sut, Record(Channel.Email, "Outage", source: "Email")).Value);
    }

    [Fact]
    public void Decide_ChannelPrioritiesConfigured_MergeWithTheEmailDefault()
    {
        var sut = CreateSut(("SyncHub:Routing:ChannelPriorities:Phone", "High"), ("SyncHub:Routing:DefaultPriority", "Medium"));

        Assert.Equal(Priority.High, Decide(sut, Record(Channel.Phone, "Call", "", source: "Freshcaller")).Value);
        Assert.Equal(Priority.Medium, Decide(sut, Record(Channel.Email, source: "Email")).Value);
        Assert.Equal(Priority.Medium, Decide(sut, Record(Channel.Facebook, source: "Facebook")).Value);
    }

    [Fact]
    public void Decide_EmailChannelDefaultRemoved_TakesTheConfiguredDefault()
    {
        var sut = CreateSut(("SyncHub:Routing:ChannelPriorities:Email", ""));

        Assert.Equal(Priority.Low, Decide(sut, Record(Channel.Email, source: "Email")).Value);
    }
}
