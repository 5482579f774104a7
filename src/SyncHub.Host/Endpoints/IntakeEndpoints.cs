using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Host.ApiReference;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// <c>/api/intake/{route}</c>: hands the raw request to the webhook source registered for the route and
/// answers only after its records are stored: 201 created, 200 duplicate, 4xx from the source's verdict,
/// 413 over the size limit, 503 with Retry-After when the pipeline is full or the store is down.
/// </summary>
internal static class IntakeEndpoints
{
    public static void MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/intake/{route}", ["GET", "POST"], HandleAsync)
            .WithName("Intake")
            .DescribedAsIntake()
            .DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(
        string route,
        HttpContext context,
        IEnumerable<IWebhookSource> sources,
        IIntakePipeline pipeline,
        IOptions<PipelineOptions> options,
        SyncHubMetrics metrics,
        RequestLoggers loggers,
        CancellationToken cancellationToken)
    {
        var source = sources.FirstOrDefault(s => string.Equals(s.Route, route, StringComparison.OrdinalIgnoreCase));
        if (source is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no intake is enabled at /api/intake/{route}");
        }

        var logger = loggers.Intake;
        var settings = options.Value;
        var body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            metrics.Rejected(source.Name);
            Log.WebhookRejected(logger, source.Name, 413, "body", $"larger than {settings.MaxBodyBytes} bytes");
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body is larger than {settings.MaxBodyBytes} bytes");
        }

        var request = new WebhookRequest(
            context.Request.Method,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            body.Value);

        var verdict = await source.ReadAsync(request, cancellationToken);
        switch (verdict)
        {
            case WebhookResult.Immediate immediate:
                // The body may echo what the caller sent (a handshake challenge): never let a browser sniff it into HTML.
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Content(immediate.Body, immediate.ContentType, statusCode: immediate.Status);
            case WebhookResult.Rejected rejected:
                metrics.Rejected(source.Name);
                Log.WebhookRejected(logger, source.Name, rejected.Status, rejected.Field ?? "-", rejected.Detail ?? rejected.Title);
                return rejected.Field is { } field
                    ? Problems.Field(field, rejected.Detail ?? rejected.Title, rejected.Status)
                    : Problems.Status(rejected.Status, rejected.Title, rejected.Detail);
            case WebhookResult.Accepted accepted:
                return await StoreAsync(context, source, accepted.Records, pipeline, settings, logger, cancellationToken);
            default:
                throw new InvalidOperationException($"Unknown webhook result {verdict.GetType().Name}");
        }
    }

    private static async Task<IResult> StoreAsync(
        HttpContext context,
        IWebhookSource source,
        IReadOnlyList<IntakeRecord> records,
        IIntakePipeline pipeline,
        PipelineOptions settings,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var (results, failure) = await SubmitAllAsync(context, source.Name, records, pipeline, settings, logger, cancellationToken);
        return failure ?? IntakeAnswer.From(results!, source.AnswersCreatedWith200);
    }

    /// <summary>
    /// Stores every record and gives their results, or the answer to send instead: 503 with Retry-After when the pipeline is
    /// full or the store is down (nothing was acknowledged; the sender retries and the idempotency key keeps it one ticket).
    /// </summary>
    internal static async Task<(IReadOnlyList<IntakeResult>? Results, IResult? Failure)> SubmitAllAsync(
        HttpContext context,
        string sourceName,
        IReadOnlyList<IntakeRecord> records,
        IIntakePipeline pipeline,
        PipelineOptions settings,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var results = new List<IntakeResult>(records.Count);
        try
        {
            foreach (var record in records)
            {
                var result = await pipeline.TrySubmitAsync(record, cancellationToken);
                if (result is null)
                {
                    context.RequestServices.GetRequiredService<SyncHubMetrics>().Unavailable(sourceName);
                    Log.WebhookUnavailable(logger, sourceName, "intake pipeline saturated");
                    return (null, Problems.Unavailable(context, settings.RetryAfter, "the intake pipeline is saturated; retry later"));
                }

                if (result.Outcome == IntakeOutcome.DeadLettered)
                {
                    Log.WebhookDeadLettered(logger, record.Source, record.ExternalId, result.Reason ?? "");
                }

                results.Add(result);
            }
        }
        catch (Exception ex) when (ex is StoreUnavailableException or PipelineStoppedException)
        {
            context.RequestServices.GetRequiredService<SyncHubMetrics>().Unavailable(sourceName);
            Log.WebhookUnavailable(logger, sourceName, ex.GetType().Name);
            return (null, Problems.Unavailable(context, settings.RetryAfter, "the ticket store is unavailable; retry later"));
        }

        return (results, null);
    }
}
