using RestSharp;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// The HTTP plumbing of the Rocket.Chat client: a <see cref="RestClient"/> over an <see cref="IHttpClientFactory"/>
/// client, and a resilience pipeline that bounds each call by <see cref="AdapterOptions.Timeout"/>. It does not retry:
/// the outbox dispatcher retries a failed delivery with backoff and dead-letters it in the end.
/// </summary>
internal static class RocketChatHttp
{
    public const string ClientName = "SyncHub.RocketChat";

    public const string UserIdHeader = "X-User-Id";

    public const string AuthTokenHeader = "X-Auth-Token";

    /// <summary>A RestSharp client over the factory's Rocket.Chat client (see <see cref="ToolHttp.CreateRestClient"/>).</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl) =>
        ToolHttp.CreateRestClient(httpClients, ClientName, baseUrl);
}
