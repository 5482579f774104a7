using Microsoft.Extensions.Options;
using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Host.Auth;
using SyncHub.Pipeline;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// An agent marks themself available for the round-robin (<c>SyncHub:Assignment:RoundRobin</c>) and reads it back.
/// Only an agent has an availability: a service key gets 403.
/// </summary>
internal static class AvailabilityEndpoints
{
    public static void MapAvailability(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agents/me/availability").RequireApiCaller().WithTags("Agents");
        group.MapGet("/", GetAsync)
            .WithSummary("Whether the calling agent takes round-robin tickets")
            .Produces<AvailabilityAnswer>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/", SetAsync)
            .WithSummary("Mark the calling agent available (or not) for round-robin tickets")
            .Accepts<AvailabilityRequest>("application/json")
            .Produces<AvailabilityAnswer>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (Actor.Of(context).Agent is not { } agent)
        {
            return NotAnAgent();
        }

        var availability = context.RequestServices.GetRequiredService<IAgentAvailability>();
        return await StoreGuard.RunAsync(context, async () =>
            Results.Json(new AvailabilityAnswer(await availability.IsAvailableAsync(agent.Id, cancellationToken)), SyncHubJson.Options));
    }

    private static async Task<IResult> SetAsync(HttpContext context, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, _, problem) = await WorkflowEndpoints.ReadActionAsync<AvailabilityRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (request.Available is not { } available)
        {
            return Problems.Field("available", "is required: true or false");
        }

        if (Actor.Of(context).Agent is not { } agent)
        {
            return NotAnAgent();
        }

        var availability = context.RequestServices.GetRequiredService<IAgentAvailability>();
        return await StoreGuard.RunAsync(context, async () =>
        {
            await availability.SetAsync(agent.Id, available, cancellationToken);
            return Results.Json(new AvailabilityAnswer(available), SyncHubJson.Options);
        });
    }

    private static IResult NotAnAgent() =>
        Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "only an agent has an availability: sign in with an agent's key, not a service key");
}
