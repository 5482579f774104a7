namespace SyncHub.Sla;

/// <summary>Where a ticket's SLA stands at one instant.</summary>
public sealed record SlaEvaluation(
    bool FirstResponseBreached,
    bool FirstResponseAtRisk,
    bool ResolutionBreached,
    bool ResolutionAtRisk)
{
    public static SlaEvaluation None { get; } = new(false, false, false, false);

    public bool Breached => FirstResponseBreached || ResolutionBreached;

    public bool AtRisk => FirstResponseAtRisk || ResolutionAtRisk;
}
