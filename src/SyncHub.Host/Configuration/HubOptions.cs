using System.ComponentModel.DataAnnotations;

namespace SyncHub.Host.Configuration;

/// <summary>The <c>SyncHub</c> section's own keys: the store kind and the stop timeout.</summary>
public sealed class HubOptions
{
    public const string SectionName = "SyncHub";

    [EnumDataType(typeof(StoreKind))]
    public StoreKind Store { get; set; } = StoreKind.InMemory;

    /// <summary>How long a stop may take to drain the pipeline; match systemd's TimeoutStopSec and compose's stop_grace_period.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
