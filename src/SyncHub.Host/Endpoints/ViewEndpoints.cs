using SyncHub.Domain;
using SyncHub.Host.ApiReference;
using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary><c>GET /api/views</c>: the agents' views of open work with their live counts, for the dashboard's side bar.</summary>
internal static class ViewEndpoints
{
    public static void MapViews(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/views").AddEndpointFilter<ApiKeyFilter>().WithTags("Tickets")
            .MapGet("/", ListAsync)
            .DescribedAsRead<ViewListAnswer>("The views (Mine, Unassigned, Customer replied, At risk, Breached, one per department) with their counts");
    }

    private static async Task<IResult> ListAsync(HttpContext context, ITicketStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        // The store keeps the counts (the in-memory and Redis stores do); a store behind a wrapper may be registered as well.
        if ((context.RequestServices.GetService<ITicketViews>() ?? store as ITicketViews) is not { } views)
        {
            return Problems.Status(StatusCodes.Status501NotImplemented, "Not implemented", "this ticket store keeps no view counts");
        }

        var mine = TicketEndpoints.Mine(Actor.Of(context));
        return await StoreGuard.RunAsync(context, async () =>
        {
            var counts = await views.CountViewsAsync(mine, time.GetUtcNow(), cancellationToken);
            var items = TicketViews.All.Select(v => new ViewItem(v, TicketViews.NameOf(v), counts.Counts.GetValueOrDefault(v))).ToList();
            return Results.Json(new ViewListAnswer(items), SyncHubJson.Options);
        });
    }
}
