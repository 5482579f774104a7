using SyncHub.Pipeline;

namespace SyncHub.Redis.Reviews;

/// <summary>
/// The keys of one review signature (<see cref="RedisReviewSignalStore"/>): <c>{prefix}reviews:{signature}:seen</c> and
/// <c>{prefix}reviews:{signature}:frequent</c>, the signature a hash tag of its own (braces in it become parentheses).
/// The review-signal script and the creation script (which records a review with its ticket's number) use them both.
/// </summary>
internal static class ReviewSignalKeys
{
    // A signature recurs with every review of the same complaint: its keys are made once.
    private static readonly RecurringValues<(string Prefix, string Signature), (string Seen, string Flag)> Keys = new(static parts =>
    {
        var tag = parts.Prefix + "reviews:{" + parts.Signature.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal) + "}";
        return (tag + ":seen", tag + ":frequent");
    });

    public static (string Seen, string Flag) Of(string keyPrefix, string signature) => Keys[(keyPrefix, signature)];
}
