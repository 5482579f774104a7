namespace SyncHub.Workflow;

/// <summary><c>SyncHub:Escalation</c>: the teams a ticket can be escalated to and their chat channels.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "SyncHub:Escalation";

    /// <summary>Team name (lower case in requests) to its chat channel.</summary>
    public Dictionary<string, string> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["developers"] = "dev-support",
        ["sales"] = "sales",
        ["mobile"] = "mobile",
    };
}
