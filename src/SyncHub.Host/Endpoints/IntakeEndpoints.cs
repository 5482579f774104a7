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
        // The services the route uses are all singletons: resolved once, on the first request, from the root provider
        // rather than per request from the request's scope (which the scope had to be made for, and IEnumerable<IWebhookSource>
        // resolved into a new array each time).
        var root = app.ServiceProvider;
        IntakeServices? services = null;
        app.MapMethods(
                "/api/intake/{route}",
                ["GET", "POST"],
                (string route, HttpContext context, CancellationToken cancellationToken) =>
                    HandleAsync(route, context, services ??= new IntakeServices(root), cancellationToken))
            .WithName("Intake")
            .DescribedAsIntake()
            .DisableAntiforgery();
    }

    /// <summary>
    /// Answers the request itself (a <see cref="Task"/>, not a <see cref="Task{IResult}"/> for the route's delegate to await and
    /// then execute: that had been one more async state machine per request).
    /// </summary>
    private static async Task HandleAsync(string route, HttpContext context, IntakeServices services, CancellationToken cancellationToken)
    {
        var source = services.Source(route);
        if (source is null)
        {
            await Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no intake is enabled at /api/intake/{route}").ExecuteAsync(context);
            return;
        }

        var logger = services.Logger;
        var metrics = services.Metrics;
        var settings = services.Options.Value;
        var body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            metrics.Rejected(source.Name);
            Log.WebhookRejected(logger, source.Name, 413, "body", $"larger than {settings.MaxBodyBytes} bytes");
            await Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body is larger than {settings.MaxBodyBytes} bytes").ExecuteAsync(context);
            return;
        }

        var request = new WebhookRequest(context.Request.Method, new RequestHeaderView(context.Request.Headers), QueryOf(context.Request), body.Value);

        IResult answer;
        var verdict = await source.ReadAsync(request, cancellationToken);
        switch (verdict)
        {
            case WebhookResult.Immediate immediate:
                // The body may echo what the caller sent (a handshake challenge): never let a browser sniff it into HTML.
                context.Response.Headers.XContentTypeOptions = "nosniff";
                answer = Results.Content(immediate.Body, immediate.ContentType, statusCode: immediate.Status);
                break;
            case WebhookResult.Rejected rejected:
                metrics.Rejected(source.Name);
                Log.WebhookRejected(logger, source.Name, rejected.Status, rejected.Field ?? "-", rejected.Detail ?? rejected.Title);
                answer = rejected.Field is { } field
                    ? Problems.Field(field, rejected.Detail ?? rejected.Title, rejected.Status)
                    : Problems.Status(rejected.Status, rejected.Title, rejected.Detail);
                break;
            case WebhookResult.Accepted accepted:
                var (results, failure) = await SubmitAllAsync(context, source.Name, accepted.Records, services.Pipeline, settings, logger, cancellationToken);
                answer = failure ?? IntakeAnswer.From(results!, source.AnswersCreatedWith200);
                break;
            default:
                throw new InvalidOperationException($"Unknown webhook result {verdict.GetType().Name}");
        }

        await answer.ExecuteAsync(context);
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

    /// <summary>
    /// The query as <see cref="WebhookRequest.Query"/>: a copy with names matched case-sensitively (the request's own
    /// collection ignores case); no copy for the usual request without a query.
    /// </summary>
    private static IReadOnlyDictionary<string, string> QueryOf(HttpRequest request) =>
        request.QueryString.HasValue
            ? request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal)
            : EmptyQuery;

    private static readonly IReadOnlyDictionary<string, string> EmptyQuery = new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly();

    /// <summary>The intake route's singletons, and its sources by route.</summary>
    private sealed class IntakeServices(IServiceProvider services)
    {
        private readonly IWebhookSource[] sources = [.. services.GetServices<IWebhookSource>()];

        public IIntakePipeline Pipeline { get; } = services.GetRequiredService<IIntakePipeline>();

        public IOptions<PipelineOptions> Options { get; } = services.GetRequiredService<IOptions<PipelineOptions>>();

        public SyncHubMetrics Metrics { get; } = services.GetRequiredService<SyncHubMetrics>();

        public ILogger Logger { get; } = services.GetRequiredService<RequestLoggers>().Intake;

        /// <summary>The first source registered for the route (matched without regard to case), or null.</summary>
        public IWebhookSource? Source(string route)
        {
            foreach (var source in sources)
            {
                if (string.Equals(source.Route, route, StringComparison.OrdinalIgnoreCase))
                {
                    return source;
                }
            }

            return null;
        }
    }
}
