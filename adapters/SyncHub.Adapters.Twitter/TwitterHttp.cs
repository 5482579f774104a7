using RestSharp;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The HTTP plumbing of the X client: a <see cref="RestClient"/> over an <see cref="IHttpClientFactory"/> client, and a
/// resilience pipeline that retries transient failures only. A 429 is not retried here: the source waits for the
/// window's <c>x-rate-limit-reset</c> on its clock and asks again.
/// </summary>
internal static class TwitterHttp
{
    public const string ClientName = "SyncHub.Twitter";

    /// <summary>
    /// The client of requests that must not run twice on their own (posting a reply, sending a direct message, spending a
    /// refresh token): one attempt each; the outbox retries a failed delivery.
    /// </summary>
    public const string WriteClientName = "SyncHub.Twitter.Write";

    /// <summary>A RestSharp client over the factory's X client, rooted at the API base with a trailing slash.</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl, string clientName = ClientName) =>
        ToolHttp.CreateRestClient(httpClients, clientName, ToolHttp.WithTrailingSlash(baseUrl));
}
