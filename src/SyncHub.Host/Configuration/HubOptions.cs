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

    /// <summary>
    /// The part of <see cref="ShutdownTimeout"/> the host's services may take to stop (HTTP requests drained, the pipeline
    /// drained, pollers and the outbox stopped): the rest, 40% and at most 2.5 s, is kept for what follows them (closing
    /// Redis, flushing logs, the runtime's exit), so the whole process ends within <see cref="ShutdownTimeout"/>.
    /// </summary>
    public TimeSpan StopBudget => ShutdownTimeout - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2.5).Ticks, ShutdownTimeout.Ticks * 2 / 5));
}
