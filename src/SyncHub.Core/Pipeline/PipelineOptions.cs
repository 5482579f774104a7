using System.ComponentModel.DataAnnotations;

namespace SyncHub.Pipeline;

/// <summary><c>SyncHub:Pipeline</c>: the bounded intake channel and its workers.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "SyncHub:Pipeline";

    /// <summary>How many records may wait in the channel; a full channel holds pollers and turns webhooks away.</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 2048;

    /// <summary>How many records are processed at once (each one store call in flight).</summary>
    [Range(1, 4096)]
    public int Workers { get; set; } = 512;

    /// <summary>How long a webhook waits for room in a full channel before it answers 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WebhookEnqueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Retry-After sent with a 503.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest webhook body accepted, in bytes (413 above).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The first wait after a failed poll; it doubles (with jitter) up to <see cref="PollMaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan PollRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PollMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
