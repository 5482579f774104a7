using SyncHub.Pipeline;

namespace SyncHub.Host.Endpoints;

/// <summary>The intake answer: <c>{id, number, duplicate}</c>, 201 when a ticket was created, 200 otherwise.</summary>
internal static class IntakeAnswer
{
    public static IResult From(IReadOnlyList<IntakeResult> results, bool createdAs200 = false)
    {
        if (results.Count == 1 && results[0] is { Outcome: IntakeOutcome.DeadLettered } dead)
        {
            return Problems.Status(
                StatusCodes.Status422UnprocessableEntity,
                "Unprocessable record",
                $"the record was kept in the dead-letter list: {dead.Reason}");
        }

        var created = results.Any(r => r.Outcome == IntakeOutcome.Created);
        object body = results.Count == 1 ? Item(results[0]) : new { items = results.Select(Item).ToList() };
        return Results.Json(body, statusCode: created && !createdAs200 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IntakeItem Item(IntakeResult result) => new(
        result.TicketId,
        result.Number,
        result.Outcome is IntakeOutcome.Duplicate,
        result.Outcome is IntakeOutcome.Threaded,
        result.Outcome is IntakeOutcome.DeadLettered ? result.Reason : null);
}
