using SyncHub.Domain;
using SyncHub.Workflow;

namespace SyncHub.Host.Endpoints;

/// <summary>Maps a workflow outcome to HTTP: 200 with the ticket, 404, 400 naming the field, 409.</summary>
internal static class WorkflowAnswer
{
    public static IResult From(WorkflowResult result, string id) => result switch
    {
        { Ticket: { } ticket, Error: null } => Results.Json(ticket, SyncHubJson.Options),
        { Error: WorkflowError.NotFound } => Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no ticket {id}"),
        { Error: WorkflowError.Invalid } => Problems.Field(result.Field ?? "body", result.Detail ?? "is invalid"),
        _ => Problems.Status(StatusCodes.Status409Conflict, "Conflict", result.Detail),
    };
}
