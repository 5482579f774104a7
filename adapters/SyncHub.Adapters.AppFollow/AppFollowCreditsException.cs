using System.Net;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// AppFollow answered 402: the account is out of API credits. Retrying cannot help until someone buys credits, so the
/// source does not call AppFollow again before <see cref="PausedUntil"/> (<see cref="AppFollowOptions.CreditsPause"/>
/// after the 402) and every fetch until then fails with this exception, which the poller's health shows as the last
/// error. A reply that meets it is left to the outbox dispatcher to retry later; it is not refused for good.
/// </summary>
public sealed class AppFollowCreditsException : AppFollowException
{
    public AppFollowCreditsException(string message, DateTimeOffset? pausedUntil, Exception? innerException = null)
        : base(message, HttpStatusCode.PaymentRequired, innerException)
    {
        PausedUntil = pausedUntil;
    }

    /// <summary>When the source calls AppFollow again; null when no pause was set (a reply).</summary>
    public DateTimeOffset? PausedUntil { get; }
}
