namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The rate-limit headers of an answer: <c>x-rate-limit-limit</c>, <c>x-rate-limit-remaining</c> and
/// <c>x-rate-limit-reset</c> (when the window resets, in epoch seconds).
/// </summary>
internal sealed record TwitterRateLimit(int? Limit, int? Remaining, DateTimeOffset? ResetAt)
{
    public static TwitterRateLimit None { get; } = new(null, null, null);

    /// <summary>True when the window is spent: the next request would be refused until <see cref="ResetAt"/>.</summary>
    public bool Exhausted => Remaining is <= 0;
}
