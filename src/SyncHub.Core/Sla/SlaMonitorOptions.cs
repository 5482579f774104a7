using System.ComponentModel.DataAnnotations;

namespace SyncHub.Sla;

/// <summary><c>SyncHub:SlaMonitor</c>: how breaches and at-risk tickets are found and who is told.</summary>
public sealed class SlaMonitorOptions
{
    public const string SectionName = "SyncHub:SlaMonitor";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the due-time index is checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>The chat channel breach and at-risk alerts go to (the support lead's).</summary>
    [Required]
    public string Channel { get; set; } = "support-leads";

    /// <summary>The chat user mentioned in alerts (the support lead); empty for none.</summary>
    public string Mention { get; set; } = "";
}
