using SyncHub.Workflow;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// The <c>Idempotency-Key</c> request header of the agent actions: a retry with the same key returns the first result
/// and changes nothing (the store keeps the key with the change, in the same atomic step).
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>The key (null when absent), or a 400 problem naming the header when it is malformed or repeated.</summary>
    public static (string? Key, IResult? Problem) Read(HttpRequest request)
    {
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return (null, null);
        }

        if (values.Count > 1)
        {
            return (null, Problems.Field(Name, "must be sent once"));
        }

        var key = values.ToString().Trim();
        return TicketWorkflow.IdempotencyKeyProblem(key) is { } problem ? (null, Problems.Field(Name, problem)) : (key.Length == 0 ? null : key, null);
    }
}
