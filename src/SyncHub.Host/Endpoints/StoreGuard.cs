using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary>Turns a store outage during an API call into 503 with Retry-After.</summary>
internal static class StoreGuard
{
    public static async Task<IResult> RunAsync(HttpContext context, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (StoreUnavailableException)
        {
            return Problems.Unavailable(context, TimeSpan.FromSeconds(5), "the ticket store is unavailable; retry later");
        }
    }
}
