namespace SyncHub.Reviews;

/// <summary>
/// <c>SyncHub:Reviews:PriorityRules:&lt;id&gt;</c>: when <see cref="When"/> holds, an app-review ticket gets
/// <see cref="Priority"/>. Rules run by <see cref="Order"/>, lowest first; the first match wins. A configured rule with
/// the id of a default rule keeps every field it does not set; a configured <see cref="When"/> replaces the default
/// condition whole.
/// </summary>
public sealed class ReviewRuleOptions
{
    /// <summary>A whole number; rules run lowest first, ties by id.</summary>
    public string? Order { get; set; }

    /// <summary><c>false</c> switches the rule off (default <c>true</c>).</summary>
    public string? Enabled { get; set; }

    public ReviewConditionOptions? When { get; set; }

    /// <summary><c>High</c>, <c>Medium</c> or <c>Low</c>.</summary>
    public string? Priority { get; set; }

    /// <summary>Why, in words for the ticket's history.</summary>
    public string? Reason { get; set; }

    internal ReviewRuleOptions WithDefaults(ReviewRuleOptions defaults) => new()
    {
        Order = Order ?? defaults.Order,
        Enabled = Enabled ?? defaults.Enabled,
        When = When ?? defaults.When,
        Priority = Priority ?? defaults.Priority,
        Reason = Reason ?? defaults.Reason,
    };
}
