using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Host.ApiReference;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// Agent actions on a ticket: change status, reply, escalate, record the closed-ticket follow-up. The history records the
/// signed-in caller (<see cref="Actor.RecordedAs"/>); bodies carry no <c>by</c>.
/// </summary>
internal static class WorkflowEndpoints
{
    public static void MapWorkflow(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id}/status", StatusAsync).DescribedAsAction<StatusRequest>("Change the status");
        tickets.MapPost("/{id}/reply", ReplyAsync).DescribedAsAction<ReplyRequest>("Reply through the ticket's channel");
        tickets.MapPost("/{id}/escalate", EscalateAsync).DescribedAsAction<EscalationRequest>("Escalate and notify in chat");
        tickets.MapPost("/{id}/follow-up", FollowUpAsync).DescribedAsAction<FollowUpRequest>("Record the closed-ticket follow-up");
        tickets.MapPost("/{id}/note", NoteAsync).DescribedAsAction<NoteRequest>("Add an internal note");
        tickets.MapGet("/{id}/reply-target", ReplyTargetAsync).DescribedAsRead<ReplyTargetAnswer>("Where a reply goes now");
    }

    private static async Task<IResult> StatusAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await ReadActionAsync<StatusRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (!TryOutcome<TicketStatus>(request.Status, "status", out var status, out problem))
        {
            return problem!;
        }

        return await StoreGuard.RunAsync(context, async () => WorkflowAnswer.From(await workflow.ChangeStatusAsync(await TicketLookup.IdAsync(store, id, cancellationToken), status, Actor.Of(context).RecordedAs, key, cancellationToken), id));
    }

    private static async Task<IResult> ReplyAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await ReadActionAsync<ReplyRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        return await StoreGuard.RunAsync(context, async () => WorkflowAnswer.From(await workflow.ReplyAsync(await TicketLookup.IdAsync(store, id, cancellationToken), new Reply(request.Message ?? "", Actor.Of(context).RecordedAs, key, request.Replace ?? false), cancellationToken), id));
    }

    private static async Task<IResult> EscalateAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await ReadActionAsync<EscalationRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        return await StoreGuard.RunAsync(context, async () =>
            WorkflowAnswer.From(await workflow.EscalateAsync(await TicketLookup.IdAsync(store, id, cancellationToken), new Escalation(request.Team ?? "", request.Assignee ?? "", request.Note, Actor.Of(context).RecordedAs, key), cancellationToken), id));
    }

    private static async Task<IResult> FollowUpAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await ReadActionAsync<FollowUpRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (!TryOutcome<DocumentationOutcome>(request.Documentation, "documentation", out var documentation, out problem) ||
            !TryOutcome<BugOutcome>(request.Bug, "bug", out var bug, out problem) ||
            !TryOutcome<FeatureOutcome>(request.Feature, "feature", out var feature, out problem))
        {
            return problem!;
        }

        var followUp = new FollowUp(documentation, Blank(request.DocumentationLink), bug, Blank(request.BugLink), feature, Blank(request.FeatureRequestLink), request.Note, Actor.Of(context).RecordedAs, key);
        return await StoreGuard.RunAsync(context, async () => WorkflowAnswer.From(await workflow.RecordFollowUpAsync(await TicketLookup.IdAsync(store, id, cancellationToken), followUp, cancellationToken), id));
    }

    private static async Task<IResult> NoteAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await ReadActionAsync<NoteRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        return await StoreGuard.RunAsync(context, async () => WorkflowAnswer.From(await workflow.AddNoteAsync(await TicketLookup.IdAsync(store, id, cancellationToken), new Note(request.Text ?? "", Actor.Of(context).RecordedAs, key), cancellationToken), id));
    }

    /// <summary>Where a reply to the ticket goes now, or why it cannot: what the dashboard's reply box shows.</summary>
    private static async Task<IResult> ReplyTargetAsync(string id, HttpContext context, ITicketStore store, TicketWorkflow workflow, CancellationToken cancellationToken)
    {
        return await StoreGuard.RunAsync(context, async () =>
        {
            var ticket = await TicketLookup.FindAsync(store, id, cancellationToken);
            if (ticket is null)
            {
                return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no ticket {id}");
            }

            var plan = await workflow.PlanReplyAsync(ticket, cancellationToken);
            return Results.Json(
                new { channel = ticket.Channel.ToString(), canReply = plan.Refusal is null, via = plan.Event?.Type, destination = plan.Destination, reason = plan.Refusal },
                SyncHubJson.Options);
        });
    }

    /// <summary>An action's <c>Idempotency-Key</c> and JSON body, or the 400 that names what is wrong with them.</summary>
    internal static async Task<(T? Request, string? Key, IResult? Problem)> ReadActionAsync<T>(HttpContext context, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
        where T : class
    {
        var (key, keyProblem) = IdempotencyKeyHeader.Read(context.Request);
        if (keyProblem is not null)
        {
            return (null, null, keyProblem);
        }

        var (request, problem) = await JsonBody.ReadAsync<T>(context.Request, options.Value.MaxBodyBytes, cancellationToken);
        return (request, key, problem);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static bool TryOutcome<T>(string? text, string field, out T value, out IResult? problem)
        where T : struct, Enum
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            value = default;
            problem = Problems.Field(field, $"is required: one of {string.Join(", ", Enum.GetNames<T>())}");
            return false;
        }

        if (EnumNames.TryParse(text, out value))
        {
            return true;
        }

        problem = Problems.Field(field, $"must be one of {string.Join(", ", Enum.GetNames<T>())}");
        return false;
    }
}
