namespace SyncHub.Adapters;

/// <summary>
/// Thrown by an <see cref="INotifier"/> to say what a failure means: <see cref="DeliveryFailureKind.Permanent"/> for this
/// message, <see cref="DeliveryFailureKind.Unauthorized"/> for the notifier's credentials, or
/// <see cref="DeliveryFailureKind.Transient"/> with the tool's <see cref="RetryAfter"/> when it gave one. The notifier
/// only classifies; the core's outbox decides whether and when to retry. Any other exception counts as transient.
/// </summary>
public class DeliveryException : Exception
{
    public DeliveryException()
        : this(DeliveryFailureKind.Transient, "delivery failed")
    {
    }

    public DeliveryException(string message)
        : this(DeliveryFailureKind.Transient, message)
    {
    }

    public DeliveryException(string message, Exception innerException)
        : this(DeliveryFailureKind.Transient, message, null, innerException)
    {
    }

    /// <param name="kind">What the failure means.</param>
    /// <param name="reason">The tool's reason, shown in the dead letters and the ticket history (never a secret).</param>
    /// <param name="retryAfter">How long the tool asked to wait (its rate-limit reset or Retry-After), if it said.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DeliveryException(DeliveryFailureKind kind, string reason, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        Kind = kind;
        RetryAfter = retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null;
    }

    public DeliveryFailureKind Kind { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>True when retrying the same message can never succeed.</summary>
    public bool IsPermanent => Kind == DeliveryFailureKind.Permanent;
}
