using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// A Graph API error body, <c>{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}</c>, and what it means
/// for the outbox: refused credentials or permissions, a refusal of this message, or a limit a later retry gets past.
/// </summary>
internal sealed record FacebookGraphError(int? Code, int? Subcode, string? Message, string? Type, string? TraceId)
{
    /// <summary>Messenger's "sent outside of allowed window" subcodes of code 10.</summary>
    private static readonly HashSet<int> OutsideWindow = [2018278, 2018065, 2018108];

    /// <summary>Graph's rate limits: app (4), user (17), page (32), custom (613), business use case (80001 pages, 80006 Messenger).</summary>
    private static readonly HashSet<int> RateLimits = [4, 17, 32, 613, 80001, 80006];

    /// <summary>Temporary failures: unknown (1), service (2), application limit (341), temporary send failure (1200).</summary>
    private static readonly HashSet<int> Temporary = [1, 2, 341, 1200];

    /// <summary>The error of <paramref name="content"/>, or null when it holds none.</summary>
    public static FacebookGraphError? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content) is JsonObject { } root && root["error"] is JsonObject error
                ? new FacebookGraphError(Number(error["code"]), Number(error["error_subcode"]), Text(error["message"]), Text(error["type"]), Text(error["fbtrace_id"]))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What an answer of <paramref name="status"/> with this error means when trying to <paramref name="what"/>:
    /// <see cref="DeliveryFailureKind.Unauthorized"/> for the token (190, 102) and permissions (3, 10, 200-299);
    /// transient for rate limits (with <paramref name="retryAfter"/>) and temporary failures;
    /// <see cref="DeliveryFailureKind.Permanent"/> for the rest (outside the window, a person who is not available,
    /// invalid parameters, an unknown comment).
    /// </summary>
    public static DeliveryException Classify(FacebookGraphError? error, HttpStatusCode status, TimeSpan? retryAfter, string what)
    {
        var code = error?.Code;
        var described = Describe(error, status);
        if (code is 190 or 102)
        {
            return new DeliveryException(
                DeliveryFailureKind.Unauthorized,
                $"Facebook refused the page access token trying to {what} ({described}); set {FacebookReplyRoutes.Setting} to a valid Page access token");
        }

        if (code is 10 && error?.Subcode is { } subcode && OutsideWindow.Contains(subcode))
        {
            return new DeliveryException(DeliveryFailureKind.Permanent, $"Messenger refused the message: it is outside the conversation's messaging window ({described})");
        }

        if (code is 3 or 10 or (>= 200 and <= 299))
        {
            return new DeliveryException(
                DeliveryFailureKind.Unauthorized,
                $"Facebook refused the permission to {what} ({described}); the token of {FacebookReplyRoutes.Setting} needs pages_messaging and pages_manage_engagement on the page");
        }

        if ((code is { } limited && RateLimits.Contains(limited)) || status == HttpStatusCode.TooManyRequests)
        {
            return new DeliveryException(DeliveryFailureKind.Transient, $"Facebook is rate limiting the page trying to {what} ({described})", retryAfter);
        }

        if ((code is { } temporary && Temporary.Contains(temporary)) || (int)status >= 500 || status == HttpStatusCode.RequestTimeout)
        {
            return new DeliveryException(DeliveryFailureKind.Transient, $"Facebook failed to {what} ({described})", retryAfter);
        }

        // A person who is not available (551), invalid parameters or an unknown recipient or comment (100): this message's.
        return code is 551 or 100
            ? new DeliveryException(DeliveryFailureKind.Permanent, $"Facebook refused to {what} ({described})")
            : DeliveryException.Refused(status, $"Facebook refused to {what} ({described})");
    }

    private static string Describe(FacebookGraphError? error, HttpStatusCode status)
    {
        if (error is null)
        {
            return $"HTTP {(int)status}";
        }

        var code = error.Subcode is { } subcode ? $"{error.Code}/{subcode}" : $"{error.Code}";
        var trace = error.TraceId is null ? "" : $", fbtrace_id {error.TraceId}";
        return $"HTTP {(int)status}, code {code}{trace}: {error.Message ?? "no message"}";
    }

    private static int? Number(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<int>(out var number) || (value.TryGetValue<string>(out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out number)))
            ? number
            : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
