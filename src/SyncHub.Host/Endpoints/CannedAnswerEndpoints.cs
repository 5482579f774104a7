using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Host.Auth;
using SyncHub.Pipeline;
using SyncHub.Workflow;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// The canned answers: any caller lists them; only an admin adds, replaces or removes one (403 otherwise). A POST with
/// an <c>Idempotency-Key</c> adds the answer once: its id comes from the key, so a retry answers the same item.
/// </summary>
internal static class CannedAnswerEndpoints
{
    private const string Json = "application/json";

    public static void MapCannedAnswers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/canned-answers").RequireApiCaller().WithTags("Canned answers");
        group.MapGet("/", ListAsync)
            .WithSummary("Every canned answer")
            .Produces<CannedAnswerList>(StatusCodes.Status200OK, Json)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/", AddAsync)
            .RequireAdmin()
            .WithSummary("Add a canned answer (admin)")
            .Accepts<CannedAnswerRequest>(Json)
            .Produces<CannedAnswer>(StatusCodes.Status201Created, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPut("/{id}", ReplaceAsync)
            .RequireAdmin()
            .WithSummary("Replace a canned answer (admin)")
            .Accepts<CannedAnswerRequest>(Json)
            .Produces<CannedAnswer>(StatusCodes.Status200OK, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{id}", RemoveAsync)
            .RequireAdmin()
            .WithSummary("Remove a canned answer (admin)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var store = context.RequestServices.GetRequiredService<ICannedAnswerStore>();
        return await StoreGuard.RunAsync(context, async () => Results.Json(new CannedAnswerList(await store.ListAsync(cancellationToken)), SyncHubJson.Options));
    }

    private static async Task<IResult> AddAsync(HttpContext context, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, key, problem) = await WorkflowEndpoints.ReadActionAsync<CannedAnswerRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (CannedAnswer.Problem(request.Title, request.Body) is { } invalid)
        {
            return Problems.Field(invalid.Field, invalid.Detail);
        }

        var id = key is null ? Guid.CreateVersion7().ToString("N") : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("canned:" + key)))[..32];
        var store = context.RequestServices.GetRequiredService<ICannedAnswerStore>();
        return await StoreGuard.RunAsync(context, async () =>
        {
            var stored = await store.AddAsync(new CannedAnswer(id, request.Title!.Trim(), request.Body!), cancellationToken);
            return Results.Json(stored, SyncHubJson.Options, statusCode: StatusCodes.Status201Created);
        });
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (request, _, problem) = await WorkflowEndpoints.ReadActionAsync<CannedAnswerRequest>(context, options, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (CannedAnswer.Problem(request.Title, request.Body) is { } invalid)
        {
            return Problems.Field(invalid.Field, invalid.Detail);
        }

        var store = context.RequestServices.GetRequiredService<ICannedAnswerStore>();
        var answer = new CannedAnswer(id, request.Title!.Trim(), request.Body!);
        return await StoreGuard.RunAsync(context, async () =>
            await store.ReplaceAsync(answer, cancellationToken)
                ? Results.Json(answer, SyncHubJson.Options)
                : Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no canned answer {id}"));
    }

    private static async Task<IResult> RemoveAsync(string id, HttpContext context, CancellationToken cancellationToken)
    {
        var store = context.RequestServices.GetRequiredService<ICannedAnswerStore>();
        return await StoreGuard.RunAsync(context, async () =>
            await store.RemoveAsync(id, cancellationToken)
                ? Results.NoContent()
                : Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no canned answer {id}"));
    }
}
