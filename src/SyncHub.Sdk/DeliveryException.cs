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

    /// <summary>
    /// A refusal a retry will not fix, as the tool answered it: 401 and 403 (or a refusal of the credentials without a
    /// status) are the notifier's credentials (<see cref="DeliveryFailureKind.Unauthorized"/>); anything else is this
    /// message's (<see cref="DeliveryFailureKind.Permanent"/>: an unknown room or review, a text the tool does not take).
    /// </summary>
    /// <param name="status">The HTTP status the tool refused with, if it answered one.</param>
    /// <param name="reason">The tool's reason.</param>
    /// <param name="innerException">The adapter's own exception.</param>
    public static DeliveryException Refused(System.Net.HttpStatusCode? status, string reason, Exception? innerException = null) =>
        new(
            status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden ? DeliveryFailureKind.Unauthorized : DeliveryFailureKind.Permanent,
            reason,
            null,
            innerException);

    /// <summary>True when retrying the same message can never succeed.</summary>
    public bool IsPermanent => Kind == DeliveryFailureKind.Permanent;
}
