using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Host.ApiReference;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// The agents' workspace actions on a ticket: assign and unassign, change priority or department (the SLA re-stamped),
/// refresh the CRM account, fill the investigation checklist, and a canned answer filled for the ticket. Each takes the
/// ticket's id or number and an <c>Idempotency-Key</c>; the history records the caller (<see cref="Actor.RecordedAs"/>).
/// </summary>
internal static class AgentActionEndpoints
{
    public static RouteGroupBuilder MapAgentActions(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id}/assign", AssignAsync).DescribedAsAction<AssignRequest>("Assign or reassign to an agent (omitted: the caller)");
        tickets.MapPost("/{id}/unassign", UnassignAsync).DescribedAsAction<EmptyRequest>("Take the assignee away");
        tickets.MapPost("/{id}/priority", PriorityAsync).DescribedAsAction<PriorityRequest>("Change the priority; the SLA is re-stamped");
        tickets.MapPost("/{id}/department", DepartmentAsync).DescribedAsAction<DepartmentRequest>("Change the department; the SLA is re-stamped");
        tickets.MapPost("/{id}/refresh-account", RefreshAccountAsync).DescribedAsAction<EmptyRequest>("Re-read the requester's CRM account and re-stamp the SLA");
        tickets.MapPost("/{id}/checklist", ChecklistAsync).DescribedAsAction<ChecklistRequest>("Fill part of the investigation checklist");
        tickets.MapGet("/{id}/canned-answers/{cannedId}", RenderAsync).DescribedAsRead<RenderedCannedAnswer>("A canned answer filled for the ticket");
        return tickets;
    }

    private static async Task<IResult> AssignAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await WorkflowEndpoints.ReadActionAsync<AssignRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var actor = Actor.Of(context);
        return await StoreGuard.RunAsync(context, async () =>
            WorkflowAnswer.From(await workflow.AssignAsync(await TicketLookup.IdAsync(store, id, cancellationToken), request.Assignee, actor.Agent, actor.RecordedAs, key, cancellationToken), id));
    }

    private static Task<IResult> UnassignAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken) =>
        BodilessActionAsync(id, context, store, options, (ticketId, by, key) => workflow.UnassignAsync(ticketId, by, key, cancellationToken), cancellationToken);

    private static async Task<IResult> PriorityAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await WorkflowEndpoints.ReadActionAsync<PriorityRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (!WorkflowEndpoints.TryOutcome<Priority>(request.Priority, "priority", out var priority, out problem))
        {
            return problem!;
        }

        var by = Actor.Of(context).RecordedAs;
        return await StoreGuard.RunAsync(context, async () =>
            WorkflowAnswer.From(await workflow.ChangePriorityAsync(await TicketLookup.IdAsync(store, id, cancellationToken), priority, by, key, cancellationToken), id));
    }

    private static async Task<IResult> DepartmentAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await WorkflowEndpoints.ReadActionAsync<DepartmentRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (!WorkflowEndpoints.TryOutcome<Department>(request.Department, "department", out var department, out problem))
        {
            return problem!;
        }

        var by = Actor.Of(context).RecordedAs;
        return await StoreGuard.RunAsync(context, async () =>
            WorkflowAnswer.From(await workflow.ChangeDepartmentAsync(await TicketLookup.IdAsync(store, id, cancellationToken), department, by, key, cancellationToken), id));
    }

    private static Task<IResult> RefreshAccountAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken) =>
        BodilessActionAsync(id, context, store, options, (ticketId, by, key) => workflow.RefreshAccountAsync(ticketId, by, key, cancellationToken), cancellationToken);

    /// <summary>An action whose body may be empty: reads the optional body and key, records the caller, answers the ticket.</summary>
    private static async Task<IResult> BodilessActionAsync(
        string id, HttpContext context, ITicketStore store, IOptions<PipelineOptions> options, Func<string, string, string?, Task<WorkflowResult>> act, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await ReadOptionalAsync(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var by = Actor.Of(context).RecordedAs;
        return await StoreGuard.RunAsync(context, async () => WorkflowAnswer.From(await act(await TicketLookup.IdAsync(store, id, cancellationToken), by, key), id));
    }

    private static async Task<IResult> ChecklistAsync(string id, HttpContext context, TicketWorkflow workflow, ITicketStore store, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await WorkflowEndpoints.ReadActionAsync<ChecklistRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        Reproducibility? reproducibility = null;
        if (request.Reproducibility is not null)
        {
            if (!WorkflowEndpoints.TryOutcome<Reproducibility>(request.Reproducibility, "reproducibility", out var parsed, out problem))
            {
                return problem!;
            }

            reproducibility = parsed;
        }

        var update = new ChecklistUpdate
        {
            ProblemRestated = request.ProblemRestated,
            AffectedUsers = request.AffectedUsers,
            Reproducibility = reproducibility,
            Since = request.Since,
            WhatChanged = request.WhatChanged,
            ClientVersion = request.ClientVersion,
            ReproducedOnTestSystem = request.ReproducedOnTestSystem,
            SolutionTested = request.SolutionTested,
        };
        var by = Actor.Of(context).RecordedAs;
        return await StoreGuard.RunAsync(context, async () =>
            WorkflowAnswer.From(await workflow.UpdateChecklistAsync(await TicketLookup.IdAsync(store, id, cancellationToken), update, by, key, cancellationToken), id));
    }

    /// <summary>A canned answer's placeholders filled for the ticket and the calling agent; unknown ones named in <c>warning</c>.</summary>
    private static async Task<IResult> RenderAsync(string id, string cannedId, HttpContext context, ITicketStore store, CancellationToken cancellationToken)
    {
        var canned = context.RequestServices.GetRequiredService<ICannedAnswerStore>();
        var actor = Actor.Of(context);
        return await StoreGuard.RunAsync(context, async () =>
        {
            var ticket = await TicketLookup.FindAsync(store, id, cancellationToken);
            if (ticket is null)
            {
                return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no ticket {id}");
            }

            if (await canned.GetAsync(cannedId, cancellationToken) is not { } answer)
            {
                return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no canned answer {cannedId}");
            }

            var rendered = CannedAnswerRenderer.Render(answer.Body, ticket, actor.Agent?.Name);
            var warning = rendered.Unfilled.Count == 0 ? null
                : $"left as written: {string.Join(", ", rendered.Unfilled.Select(p => "{{" + p + "}}"))} (known: {{{{requester.name}}}}, {{{{ticket.number}}}}, {{{{agent.name}}}}, the last for an agent only)";
            return Results.Json(new RenderedCannedAnswer(rendered.Text, rendered.Unfilled, warning), SyncHubJson.Options);
        });
    }

    /// <summary>The <c>Idempotency-Key</c> of an action whose body carries nothing: an empty body or any JSON object is taken.</summary>
    private static async Task<(EmptyRequest? Request, string? Key, IResult? Problem)> ReadOptionalAsync(HttpContext context, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength == 0 || (context.Request.ContentLength is null && !context.Request.Headers.TransferEncoding.Any()))
        {
            var (key, keyProblem) = IdempotencyKeyHeader.Read(context.Request);
            return keyProblem is null ? (new EmptyRequest(), key, null) : (null, null, keyProblem);
        }

        return await WorkflowEndpoints.ReadActionAsync<EmptyRequest>(context, options, cancellationToken);
    }
}
