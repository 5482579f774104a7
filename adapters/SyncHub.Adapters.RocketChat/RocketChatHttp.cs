using Microsoft.Extensions.Http.Resilience;
using Polly;
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

    public static RestClient CreateRestClient(IHttpClientFactory httpClients, Uri baseUrl) =>
        new(
            httpClients.CreateClient(ClientName),
            new RestClientOptions(baseUrl)
            {
                Timeout = Timeout.InfiniteTimeSpan,
                ThrowOnAnyError = false,
                FailOnDeserializationError = false,
                CalculateResponseStatus = _ => ResponseStatus.Completed,
            },
            disposeHttpClient: true);

    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, RocketChatOptions options) =>
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.Timeout });
}
