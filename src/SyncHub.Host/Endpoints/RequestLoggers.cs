namespace SyncHub.Host.Endpoints;

/// <summary>
/// The loggers of the intake routes, made once. Serilog's logger factory makes a new logger (with its own caches)
/// on every call, so a logger made per request had cost every submission a few allocations and a dictionary.
/// </summary>
internal sealed class RequestLoggers(ILoggerFactory loggers)
{
    /// <summary><c>/api/intake/{route}</c>.</summary>
    public ILogger Intake { get; } = loggers.CreateLogger("SyncHub.Host.Intake");

    /// <summary><c>/api/public/web</c>.</summary>
    public ILogger PublicForm { get; } = loggers.CreateLogger("SyncHub.Host.PublicForm");
}
