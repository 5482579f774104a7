namespace SyncHub.Adapters.Facebook;

/// <summary>
/// The HTTP client of the Graph API calls: one attempt bounded by <see cref="AdapterOptions.Timeout"/> (the outbox retries
/// a failed answer). Graph takes the page token as the <c>access_token</c> query parameter, so the client logs no request
/// of its own (the URI holds the token).
/// </summary>
internal static class FacebookHttp
{
    public const string ClientName = "SyncHub.Facebook.Graph";

    /// <summary>The Graph parameter that carries the page access token.</summary>
    public const string AccessTokenParameter = "access_token";
}
