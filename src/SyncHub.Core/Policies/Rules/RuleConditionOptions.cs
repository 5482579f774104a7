namespace SyncHub.Policies.Rules;

/// <summary>
/// The <c>When</c> of a routing rule. Every condition given must hold; within a list any value matches.
/// CRM values, channels and sources compare ignoring case, spaces and punctuation; keywords are
/// case-insensitive substrings of the subject or body.
/// </summary>
public sealed class RuleConditionOptions
{
    /// <summary>The ticket's channel: <c>Web</c>, <c>Email</c>, <c>Phone</c>...</summary>
    public List<string>? Channel { get; set; }

    /// <summary>The adapter the record came from: <c>WebForm</c>, <c>Freshcaller</c>...</summary>
    public List<string>? Source { get; set; }

    /// <summary>The CRM account's status; an unknown requester matches none.</summary>
    public List<string>? AccountStatus { get; set; }

    /// <summary>The CRM account's plan or product; an unknown requester matches none.</summary>
    public List<string>? Plan { get; set; }

    /// <summary><c>true</c>: the ticket has a contractual SLA (a stamp with a due time); <c>false</c>: it has none. Department rules only.</summary>
    public string? Sla { get; set; }

    /// <summary>Words or phrases in the subject or body.</summary>
    public List<string>? Keywords { get; set; }
}
