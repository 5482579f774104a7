namespace SyncHub.Redis.Reviews;

/// <summary>
/// The keys of one review signature (<see cref="RedisReviewSignalStore"/>): <c>{prefix}reviews:{signature}:seen</c> and
/// <c>{prefix}reviews:{signature}:frequent</c>, the signature a hash tag of its own (braces in it become parentheses).
/// The review-signal script and the creation script (which records a review with its ticket's number) use them both.
/// </summary>
internal static class ReviewSignalKeys
{
    public static (string Seen, string Flag) Of(string keyPrefix, string signature)
    {
        var tag = keyPrefix + "reviews:{" + signature.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal) + "}";
        return (tag + ":seen", tag + ":frequent");
    }
}
