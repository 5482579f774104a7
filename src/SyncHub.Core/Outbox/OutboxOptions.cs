using System.ComponentModel.DataAnnotations;

namespace SyncHub.Outbox;

/// <summary><c>SyncHub:Outbox</c>: how notifiers consume the outbox.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Outbox";

    /// <summary>How long a consumer waits before looking again when the outbox is empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Delivery attempts before an event goes to the dead-letter list.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 100;

    /// <summary>The first wait after a failed delivery; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an event may stay pending with a consumer before another instance claims it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ClaimIdle { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a notifier paused on refused credentials is probed (and its held message tried again).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PauseProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most tickets whose messages one notifier works on at once (each ticket's messages in order).</summary>
    [Range(1, 10_000)]
    public int MaxTicketsInFlight { get; set; } = 200;

    /// <summary>The team-chat room of the outbox's alerts: a reply that failed for good, a paused notifier.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AlertChannel { get; set; } = "support-leads";

    /// <summary>How long a team alert's key is kept: the same key raised again within it sends nothing.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan TeamAlertKeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How often the Redis outbox stream drops the entries every notifier's consumer group has acknowledged (delivered
    /// events take memory for nothing). Zero keeps every entry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The dispatcher renews its claim around each retry wait; a wait longer than ClaimIdle would let
        // another instance take the event over while it is still being retried.
        if (MaxRetryDelay >= ClaimIdle)
        {
            yield return new ValidationResult($"must be shorter than ClaimIdle ({ClaimIdle})", [nameof(MaxRetryDelay)]);
        }
    }
}
