using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>
/// The KEYS and ARGV of review-signal.lua: <see cref="Keys"/> takes the keys in KEYS order by the names the script
/// gives them, and each constant is the ARGV position the script reads under the same name.
/// </summary>
internal static class ReviewSignalScriptArgs
{
    public const int Member = 1;
    public const int At = 2;
    public const int WindowMs = 3;
    public const int Threshold = 4;
    public const int Most = 5;

    /// <summary>What follows the ticket number in a review's member: <c>|</c> and its app version (nothing without one).</summary>
    public static string MemberSuffix(string? version) => "|" + version;

    /// <summary>The window in whole milliseconds, at least 1.</summary>
    public static long WindowMillis(TimeSpan window) => Math.Max(1L, (long)window.TotalMilliseconds);

    /// <summary>The sorted set of reviews and the frequent flag of one signature (both in its hash slot).</summary>
    public static RedisKey[] Keys(RedisKey seen, RedisKey flag) => [seen, flag];

    /// <summary>
    /// The arguments that record <paramref name="member"/> (<c>{ticketNumber}|{version}</c>) at <paramref name="at"/>
    /// (unix ms).
    /// </summary>
    public static RedisValue[] Build(string member, long at, long windowMs, int threshold, int most) =>
        Argv.Of((Member, member), (At, at), (WindowMs, windowMs), (Threshold, threshold), (Most, most));
}
