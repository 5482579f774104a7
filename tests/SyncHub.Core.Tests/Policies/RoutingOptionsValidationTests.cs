using static SyncHub.Core.Tests.Policies.TestConfig;

namespace SyncHub.Core.Tests.Policies;

/// <summary><c>SyncHub:Routing</c> is validated at start; each failure names the full configuration key.</summary>
public sealed class RoutingOptionsValidationTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.Equal("", StartupFailure());
    }

    [Theory]
    [InlineData("SyncHub:Routing:PriorityRules:outage:When:Sla", "true", "SyncHub:Routing:PriorityRules:outage:When:Sla: is not known when the priority is chosen")]
    [InlineData("SyncHub:Routing:PriorityRules:outage:Priority", "Urgent", "SyncHub:Routing:PriorityRules:outage:Priority: 'Urgent' is not one of High, Medium, Low")]
    [InlineData("SyncHub:Routing:PriorityRules:outage:Order", "first", "SyncHub:Routing:PriorityRules:outage:Order: is required: a whole number")]
    [InlineData("SyncHub:Routing:PriorityRules:outage:Enabled", "sometimes", "SyncHub:Routing:PriorityRules:outage:Enabled: 'sometimes' is not true or false")]
    [InlineData("SyncHub:Routing:PriorityRules:outage:Department", "Trials", "SyncHub:Routing:PriorityRules:outage:Department: a priority rule sets Priority only")]
    [InlineData("SyncHub:Routing:PriorityRules:hotline-paid:When:Channel:0", "Fax", "SyncHub:Routing:PriorityRules:hotline-paid:When:Channel:0: 'Fax' is not a channel")]
    [InlineData("SyncHub:Routing:DepartmentRules:trials:Department", "Sales", "SyncHub:Routing:DepartmentRules:trials:Department: 'Sales' is not one of PaidSupport, Community, Trials")]
    [InlineData("SyncHub:Routing:DepartmentRules:paid-support:When:Sla", "yes", "SyncHub:Routing:DepartmentRules:paid-support:When:Sla: 'yes' is not true or false")]
    [InlineData("SyncHub:Routing:DepartmentRules:trials:When:AccountStatus:0", " ", "SyncHub:Routing:DepartmentRules:trials:When:AccountStatus:0: is empty")]
    [InlineData("SyncHub:Routing:ChannelPriorities:Fax", "High", "SyncHub:Routing:ChannelPriorities:Fax: is not a channel")]
    [InlineData("SyncHub:Routing:ChannelPriorities:Email", "Urgent", "SyncHub:Routing:ChannelPriorities:Email: 'Urgent' is not a priority")]
    public void Validate_BadSetting_FailsNamingTheFullKey(string key, string value, string expected)
    {
        Assert.Contains(expected, StartupFailure((key, value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewRuleWithoutConditionOrDepartment_NamesEachKey()
    {
        var failure = StartupFailure(("SyncHub:Routing:DepartmentRules:sales:Order", "30"));

        Assert.Contains("SyncHub:Routing:DepartmentRules:sales:When: is required", failure, StringComparison.Ordinal);
        Assert.Contains("SyncHub:Routing:DepartmentRules:sales:Department: is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewRuleWithoutOrder_NamesTheKey()
    {
        var failure = StartupFailure(
            ("SyncHub:Routing:PriorityRules:vip:When:Plan:0", "Gold"),
            ("SyncHub:Routing:PriorityRules:vip:Priority", "High"));

        Assert.Contains("SyncHub:Routing:PriorityRules:vip:Order: is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultPriorityThatDoesNotConvert_NamesTheKey()
    {
        Assert.Contains("SyncHub:Routing:DefaultPriority", StartupFailure(("SyncHub:Routing:DefaultPriority", "Urgent")), StringComparison.Ordinal);
    }
}
