using SyncHub.Domain;
using SyncHub.Host.Endpoints;

namespace SyncHub.Host.ApiReference;

/// <summary>
/// What the API reference says about the minimal-API routes whose handlers read the request themselves (so nothing can
/// be inferred from their parameters): the body they take, the answer they give and the problems they answer with.
/// The key every <c>/api/tickets</c> route needs (401) and its <c>Idempotency-Key</c> header are added by
/// <see cref="HubApiDocument"/> for the whole group.
/// </summary>
internal static class EndpointDescriptions
{
    private const string Json = "application/json";

    /// <summary><c>/api/intake/{route}</c>: the intake answers (README, "Intake answers").</summary>
    public static RouteHandlerBuilder DescribedAsIntake(this RouteHandlerBuilder builder) =>
        builder.WithTags("Intake")
            .WithSummary("A webhook of an enabled adapter or plugin")
            .WithDescription("201 when a ticket was created, 200 for a replay (duplicate) or a handshake; 404 when no enabled adapter has the route.")
            .Produces<IntakeItem>(StatusCodes.Status201Created, Json)
            .Produces<IntakeItem>(StatusCodes.Status200OK, Json)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status405MethodNotAllowed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);

    /// <summary><c>POST /api/tickets</c>: an agent's internal request, answered like an intake.</summary>
    public static RouteHandlerBuilder DescribedAsInternalRequest(this RouteHandlerBuilder builder) =>
        builder.WithSummary("Create an internal request")
            .Accepts<InternalRequest>(Json)
            .Produces<IntakeItem>(StatusCodes.Status201Created, Json)
            .Produces<IntakeItem>(StatusCodes.Status200OK, Json)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);

    /// <summary>A read under <c>/api/tickets</c>: <typeparamref name="TAnswer"/>, 400 for a bad filter, 404 for no such ticket.</summary>
    public static RouteHandlerBuilder DescribedAsRead<TAnswer>(this RouteHandlerBuilder builder, string summary) =>
        builder.WithSummary(summary)
            .Produces<TAnswer>(StatusCodes.Status200OK, Json)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

    /// <summary>An agent action on a ticket: takes <typeparamref name="TRequest"/>, answers the ticket as it is after the action.</summary>
    public static RouteHandlerBuilder DescribedAsAction<TRequest>(this RouteHandlerBuilder builder, string summary)
        where TRequest : notnull =>
        builder.WithSummary(summary)
            .Accepts<TRequest>(Json)
            .Produces<Ticket>(StatusCodes.Status200OK, Json)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status503ServiceUnavailable);

    private static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
