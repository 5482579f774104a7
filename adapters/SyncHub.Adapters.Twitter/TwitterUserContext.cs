using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;
using RestSharp.Authenticators;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Acts as the support account on X: signs a request with the OAuth 1.0a user keys (HMAC-SHA1, RFC 5849, by RestSharp's
/// <see cref="OAuth1Authenticator"/>), or sends the OAuth 2.0 user access token as <c>Authorization: Bearer</c> and refreshes
/// it (<c>POST /2/oauth2/token</c>, <c>grant_type=refresh_token</c>) when it has expired or X refused it. X rotates refresh
/// tokens: the new pair is kept in memory only, so after a restart the configured pair is used again (see the README).
/// One instance per hub, shared by the source and the notifier, so one refresh serves both.
/// </summary>
public sealed class TwitterUserContext(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TwitterOptions> options,
    TimeProvider time,
    ILogger<TwitterUserContext> logger,
    ISecretRegistry? secrets = null)
{
    /// <summary>A token this close to its expiry is refreshed before it is used.</summary>
    internal static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private TwitterUserToken? current;

    /// <summary>True when a refused OAuth 2.0 user token can be refreshed.</summary>
    internal bool CanRefresh => options.CurrentValue is { UsesOAuth1: false, CanRefresh: true };

    /// <summary>Adds the support account's credentials to <paramref name="request"/>; returns the OAuth 2.0 access token used (null for OAuth 1.0a).</summary>
    internal async Task<string?> AuthorizeAsync(RestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        if (settings.UsesOAuth1)
        {
            request.Authenticator = OAuth1Authenticator.ForProtectedResource(
                settings.ConsumerKey!.Trim(), settings.ConsumerSecret!.Trim(), settings.AccessToken!.Trim(), settings.AccessTokenSecret!.Trim());
            return null;
        }

        if (!settings.UsesOAuth2User)
        {
            throw new TwitterAuthenticationException(
                $"no user-context credentials are configured: set {TwitterOptions.UserContextSetting} (with :UserRefreshToken and :ClientId) or the OAuth 1.0a keys",
                HttpStatusCode.Unauthorized);
        }

        var token = Token(settings);
        if (token.AccessToken.Length == 0 || (token.ExpiresAt is { } expires && time.GetUtcNow() >= expires - ExpiryMargin))
        {
            token = await RefreshAsync(token.AccessToken, cancellationToken);
        }

        request.AddOrUpdateHeader("Authorization", "Bearer " + token.AccessToken);
        return token.AccessToken;
    }

    /// <summary>
    /// Refreshes the OAuth 2.0 user token after X refused (or would refuse) <paramref name="rejected"/>; when another call has
    /// refreshed it meanwhile, returns that token. Throws <see cref="TwitterAuthenticationException"/> when X refuses the refresh.
    /// </summary>
    internal async Task<TwitterUserToken> RefreshAsync(string rejected, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            var token = Token(settings);
            if (token.AccessToken.Length > 0 && token.AccessToken != rejected)
            {
                return token;
            }

            if (!settings.CanRefresh || string.IsNullOrWhiteSpace(token.RefreshToken))
            {
                throw new TwitterAuthenticationException(
                    $"X refused the user access token and it cannot be refreshed: configure a new {TwitterOptions.UserContextSetting}, or :UserRefreshToken with :ClientId",
                    HttpStatusCode.Unauthorized);
            }

            var refreshed = await RequestTokenAsync(settings, token.RefreshToken, cancellationToken);
            current = refreshed;
            Log.UserTokenRefreshed(logger, refreshed.ExpiresAt);
            return refreshed;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private TwitterUserToken Token(TwitterOptions settings) =>
        current ??= new TwitterUserToken(settings.UserAccessToken?.Trim() ?? "", settings.UserRefreshToken?.Trim(), null);

    private async Task<TwitterUserToken> RequestTokenAsync(TwitterOptions settings, string refreshToken, CancellationToken cancellationToken)
    {
        using var client = TwitterHttp.CreateRestClient(httpClients, settings.BaseUrl ?? TwitterOptions.DefaultBaseUrl, TwitterHttp.WriteClientName);
        var clientId = settings.ClientId!.Trim();
        var request = new RestRequest("2/oauth2/token", Method.Post)
            .AddHeader("Accept", "application/json")
            .AddParameter("grant_type", "refresh_token")
            .AddParameter("refresh_token", refreshToken)
            .AddParameter("client_id", clientId);
        if (!string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(settings.ClientSecret.Trim())}"));
            request.AddHeader("Authorization", "Basic " + basic);
        }

        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        TwitterUserClient.EnsureAnswered(response, "POST /2/oauth2/token");
        if (response.StatusCode == HttpStatusCode.OK && Answer(response.Content) is { AccessToken: { Length: > 0 } access } answer)
        {
            // Minted now (X rotates the refresh token too), so not among the configured secrets.
            secrets?.Add(access);
            if (!string.IsNullOrWhiteSpace(answer.RefreshToken))
            {
                secrets?.Add(answer.RefreshToken);
            }

            return new TwitterUserToken(
                access,
                string.IsNullOrWhiteSpace(answer.RefreshToken) ? refreshToken : answer.RefreshToken,
                answer.ExpiresIn is { } seconds and > 0 ? time.GetUtcNow().AddSeconds(seconds) : null);
        }

        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            throw new TwitterException($"X could not refresh the user access token now (HTTP {status})", response.StatusCode);
        }

        Log.Unauthorized(logger, status);
        var reason = TwitterProblem.Read(response.Content).Text;
        throw new TwitterAuthenticationException(
            $"X refused to refresh the user access token (HTTP {status}{(reason is null ? "" : $": {reason}")}): configure a new {TwitterOptions.UserContextSetting} and :UserRefreshToken",
            HttpStatusCode.Unauthorized);
    }

    private static TwitterTokenAnswer? Answer(string? content)
    {
        try
        {
            return string.IsNullOrWhiteSpace(content) ? null : JsonSerializer.Deserialize<TwitterTokenAnswer>(content, TwitterJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
