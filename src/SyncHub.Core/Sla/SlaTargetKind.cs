namespace SyncHub.Sla;

/// <summary>How an SLA target is written.</summary>
public enum SlaTargetKind
{
    /// <summary>No due time.</summary>
    BestEffort,

    /// <summary>A working-time duration on the row's clock (<c>2 hours</c>, <c>02:00:00</c>).</summary>
    Duration,

    /// <summary>Whole business days on the row's clock (<c>4 business days</c>).</summary>
    BusinessDays,
}
