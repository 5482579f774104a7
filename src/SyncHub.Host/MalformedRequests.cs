namespace SyncHub.Host;

/// <summary>
/// Answers a request whose HTTP framing is broken (a chunk size that is not hex or overflows, a body shorter than its
/// Content-Length) with the 4xx Kestrel names, one Warning line and no stack trace, on every route: such a body may be
/// read before any credential is checked, so it must never reach the exception handler's 500 and Error log. A client
/// that goes away mid-body is logged at Debug and gets nothing.
/// </summary>
internal sealed class MalformedRequests(RequestDelegate next, ILogger<MalformedRequests> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went away (or stopped sending) mid-body: nobody is left to answer.
            Log.RequestAborted(logger, context.Request.Method, context.Request.Path.Value ?? "/");
        }
        catch (Exception ex) when (!context.Response.HasStarted && FramingStatus(ex) is { } status)
        {
            Log.MalformedRequest(logger, context.Request.Method, context.Request.Path.Value ?? "/", status, ex.Message);
            context.Response.Clear();
            await Problems.Status(status, "Bad request", $"the request is malformed: {ex.Message}").ExecuteAsync(context);
        }
    }

    /// <summary>
    /// The status of a body Kestrel could not read: a <see cref="BadHttpRequestException"/>'s own, 400 for the
    /// <see cref="IOException"/> Kestrel's body readers throw for framing they cannot parse (an overflowing chunk size);
    /// null for anything else, which stays the exception handler's.
    /// </summary>
    private static int? FramingStatus(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        IOException io when io.TargetSite?.DeclaringType?.FullName?.Contains(".Kestrel.", StringComparison.Ordinal) == true => StatusCodes.Status400BadRequest,
        _ => null,
    };
}
