using Microsoft.Extensions.Options;
using SyncHub.Host.ApiReference;
using SyncHub.Pipeline;
using SyncHub.Storage;
using SyncHub.Workflow;

namespace SyncHub.Host.Endpoints;

/// <summary><c>POST /api/tickets/{id}/merge {"into": "..."}</c>: merges a duplicate into another ticket and answers the survivor.</summary>
internal static class MergeEndpoints
{
    private const int MaxIdLength = 200;

    public static void MapMerge(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id}/merge", MergeAsync).DescribedAsAction<MergeRequest>("Merge this duplicate into another ticket (answers the survivor)");
    }

    private static async Task<IResult> MergeAsync(string id, HttpContext context, ITicketStore store, TimeProvider time, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKeyHeader.Read(context.Request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var (request, problem) = await JsonBody.ReadAsync<MergeRequest>(context.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var into = request.Into?.Trim();
        if (string.IsNullOrEmpty(into))
        {
            return Problems.Field("into", "is required: the id or number of the ticket to merge into");
        }

        if (into.Length > MaxIdLength)
        {
            return Problems.Field("into", $"is longer than {MaxIdLength} characters");
        }

        var by = Actor.Of(context).RecordedAs;
        return await StoreGuard.RunAsync(context, async () =>
        {
            var duplicateId = await TicketLookup.IdAsync(store, id, cancellationToken);
            var survivor = await TicketLookup.FindAsync(store, into, cancellationToken);
            if (survivor is null)
            {
                return await store.GetAsync(duplicateId, cancellationToken) is null
                    ? Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no ticket {id}")
                    : Problems.Field("into", $"names no ticket: {into}");
            }

            var result = await new TicketMerger(store, time).MergeAsync(duplicateId, survivor.Id, by, key, cancellationToken);
            return WorkflowAnswer.From(result, id);
        });
    }
}
