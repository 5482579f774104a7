using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using RestSharp;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// Rocket.Chat's REST rate limiter: it answers 429 with <c>{"success": false, "error": "Error, too many requests. Please
/// slow down. You must wait 55 seconds before trying this endpoint again. [error-too-many-requests]"}</c> and the headers
/// <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (the window's end, Unix epoch
/// milliseconds). The wait is read from the reset header, else from the error text.
/// </summary>
internal static partial class RocketChatRateLimit
{
    public const string ResetHeader = "X-RateLimit-Reset";

    public const string ErrorType = "error-too-many-requests";

    /// <summary>True for a 429, or an error body of the rate limiter whatever the status.</summary>
    public static bool IsRateLimited(HttpStatusCode status, string? error) =>
        status == HttpStatusCode.TooManyRequests || error?.Contains(ErrorType, StringComparison.Ordinal) == true;

    /// <summary>How long Rocket.Chat asked to wait: until <c>X-RateLimit-Reset</c>, else the seconds its error text names.</summary>
    public static TimeSpan? RetryAfter(RestResponse response, string? error, DateTimeOffset now) =>
        ToolHttp.RateLimitReset(response, ResetHeader, EpochUnit.Milliseconds, now)
        ?? (error is not null && WaitSeconds().Match(error) is { Success: true } wait && int.TryParse(wait.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null);

    [GeneratedRegex(@"wait (\d{1,6}) seconds", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WaitSeconds();
}
