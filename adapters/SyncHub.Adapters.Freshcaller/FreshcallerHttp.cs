using RestSharp;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// The HTTP plumbing of the Freshcaller client: a <see cref="RestClient"/> over an <see cref="IHttpClientFactory"/>
/// client (registered by the module with the SDK's retry pipeline).
/// </summary>
internal static class FreshcallerHttp
{
    public const string ClientName = "SyncHub.Freshcaller";

    /// <summary>The header that carries the API key; redacted from HTTP logs.</summary>
    public const string ApiKeyHeader = "X-Api-Auth";

    /// <summary>A RestSharp client over the factory's Freshcaller client (see <see cref="ToolHttp.CreateRestClient"/>).</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl) =>
        ToolHttp.CreateRestClient(httpClients, ClientName, baseUrl);
}
