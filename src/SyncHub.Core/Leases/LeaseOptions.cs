using System.ComponentModel.DataAnnotations;

namespace SyncHub.Leases;

/// <summary>
/// <c>SyncHub:Leases</c>: how long a poller's lease lasts without renewal and how often its holder renews it. When the
/// holding instance dies, another takes the poller over within <see cref="Ttl"/> (plus one <see cref="RenewInterval"/>).
/// </summary>
public sealed class LeaseOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Leases";

    /// <summary>How long a lease lasts from its last renewal.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the holder renews its lease, and a standby instance tries to take it. Null: a third of <see cref="Ttl"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan? RenewEvery { get; set; }

    /// <summary><see cref="RenewEvery"/>, or a third of <see cref="Ttl"/> when it is not set.</summary>
    public TimeSpan RenewInterval => RenewEvery ?? Ttl / 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // At least two renewals fit in one TTL, so one slow or failed renewal does not lose the lease.
        if (RenewEvery is { } every && every > Ttl / 2)
        {
            yield return new ValidationResult($"must be at most half of {SectionName}:{nameof(Ttl)} ({Ttl})", [nameof(RenewEvery)]);
        }
    }
}
