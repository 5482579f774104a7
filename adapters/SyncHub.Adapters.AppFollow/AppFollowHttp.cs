using System.Net;
using RestSharp;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// The HTTP plumbing of the AppFollow client. Reads (<see cref="ReadClient"/>) retry transient failures and honour
/// Retry-After within a fetch; replies (<see cref="ReplyClient"/>) are never retried here, because a POST retried
/// blindly could answer twice: the outbox dispatcher retries them after checking what AppFollow already shows.
/// </summary>
internal static class AppFollowHttp
{
    public const string ReadClient = "SyncHub.AppFollow";

    public const string ReplyClient = "SyncHub.AppFollow.Reply";

    /// <summary>The header that carries the API v2 token; redacted from HTTP logs.</summary>
    public const string TokenHeader = "X-AppFollow-API-Token";

    /// <summary>A RestSharp client over the named factory client, rooted at the API base with a trailing slash.</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, string clientName, Uri baseUrl) =>
        ToolHttp.CreateRestClient(httpClients, clientName, ToolHttp.WithTrailingSlash(baseUrl));

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
