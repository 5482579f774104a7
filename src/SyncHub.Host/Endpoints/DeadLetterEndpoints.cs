using SyncHub.Host.Auth;
using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// <c>/api/dead-letters</c> (admins only): the dead-lettered records, and their replay through the running intake
/// pipeline, as <c>synchub replay-dead-letters</c> does (<see cref="DeadLetterReplay"/>).
/// </summary>
internal static class DeadLetterEndpoints
{
    public const int MaxLimit = 1000;

    /// <summary>How many letters a listing reads at most to filter them by source.</summary>
    private const int MaxScan = 100_000;

    public static RouteGroupBuilder MapDeadLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dead-letters").RequireApiCaller().RequireAdmin().WithTags("Admin");
        group.MapGet("/", ListAsync)
            .WithSummary("Dead-lettered records (admins)")
            .WithDescription($"Oldest first; source filters by adapter (or outbox:NOTIFIER), limit 1 to {MaxLimit} (default 50).")
            .Produces<DeadLetterListAnswer>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/replay", ReplayAsync)
            .WithSummary("Replay dead letters through the intake pipeline (admins)")
            .WithDescription("Like synchub replay-dead-letters: the replayed letters leave the list; one that fails again is dead-lettered anew.")
            .Accepts<DeadLetterReplayRequest>("application/json")
            .Produces<DeadLetterReplayResult>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var source = query["source"].ToString().Trim();
        var limit = 50;
        var limitText = query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return Problems.Field("limit", $"must be a number from 1 to {MaxLimit}");
        }

        var letters = context.RequestServices.GetRequiredService<IDeadLetterStore>();
        return await StoreGuard.RunAsync(context, async () =>
        {
            var total = await letters.CountAsync(cancellationToken);
            var read = source.Length == 0 ? (int)Math.Min(total, limit) : (int)Math.Min(total, MaxScan);
            var listed = read == 0 ? [] : await letters.ListAsync(read, cancellationToken);
            var items = listed
                .Where(l => source.Length == 0 || string.Equals(l.Source, source, StringComparison.OrdinalIgnoreCase))
                .Take(limit)
                .Select(l => new DeadLetterItem(l.Source, l.ExternalId, l.Reason, l.At, l.Payload))
                .ToList();
            return Results.Json(new DeadLetterListAnswer(items, total), SyncHubJson.Options);
        });
    }

    private static async Task<IResult> ReplayAsync(HttpContext context, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var request = new DeadLetterReplayRequest(null, null);
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<DeadLetterReplayRequest>(context.Request, options.Value.MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return problem!;
            }

            request = body;
        }

        if (request.Limit is < 1)
        {
            return Problems.Field("limit", "must be a whole number above 0");
        }

        var services = context.RequestServices;
        if (services.GetService<IDeadLetterRemover>() is not { } remover)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Not supported", "this store cannot remove dead letters: replay needs the Redis store");
        }

        var replay = new DeadLetterReplay(
            services.GetRequiredService<IDeadLetterStore>(),
            remover,
            services.GetRequiredService<IIntakePipeline>(),
            services.GetRequiredService<ITicketStore>());
        var source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim();
        return await StoreGuard.RunAsync(context, async () => Results.Json(await replay.ReplayAsync(source, request.Limit, cancellationToken), SyncHubJson.Options));
    }
}

/// <summary>The body of <c>POST /api/dead-letters/replay</c>: only letters of <c>source</c>, at most <c>limit</c>.</summary>
internal sealed record DeadLetterReplayRequest(string? Source, int? Limit);

/// <summary>One letter of <c>GET /api/dead-letters</c>.</summary>
internal sealed record DeadLetterItem(string Source, string? ExternalId, string Reason, DateTimeOffset At, string Payload);

/// <summary><c>GET /api/dead-letters</c>: the letters, and how many the list holds in all.</summary>
internal sealed record DeadLetterListAnswer(IReadOnlyList<DeadLetterItem> Items, long Total);
