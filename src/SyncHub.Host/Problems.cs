namespace SyncHub.Host;

/// <summary>RFC 7807 problem answers; a bad field is named in <c>field</c> as well as in the detail.</summary>
internal static class Problems
{
    public static IResult Status(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult Field(string field, string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(
            detail: $"{field}: {detail}",
            statusCode: status,
            title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult Unavailable(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
    }
}
