using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Hands out the cached access token and replaces it <see cref="ZohoCrmOptions.TokenRefreshMargin"/> before it
/// expires (by <see cref="TimeProvider"/>), or at once when the CRM rejects it. Refreshes are serialised, so
/// concurrent callers share one refresh (Zoho limits how many tokens a refresh token may mint). When a refresh fails
/// (5xx, no answer, a refused grant) while the cached token has not expired yet and the CRM has not rejected it,
/// the cached token is kept (a warning is logged) and the next call tries again; only an expired token fails.
/// </summary>
internal sealed class ZohoTokenProvider(
    ZohoOAuthClient client,
    IOptions<ZohoCrmOptions> options,
    TimeProvider time,
    ILogger<ZohoTokenProvider> logger,
    ISecretRegistry? secrets = null)
    : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile ZohoAccessToken? current;

    /// <summary>The <c>api_domain</c> of the latest token answer that named one; null before the first.</summary>
    public Uri? ApiDomain => current?.ApiDomain;

    /// <summary>The current access token, refreshed first when it is missing or about to expire.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = current;
        return token is not null && IsFresh(token) ? token.Value : await RefreshAsync(null, cancellationToken);
    }

    /// <summary>
    /// Replaces <paramref name="rejected"/> (the token the CRM refused), unless another caller already did, and
    /// returns the new token.
    /// </summary>
    public async Task<string> RefreshAsync(string? rejected, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var token = current;
            if (token is not null && token.Value != rejected && IsFresh(token))
            {
                return token.Value;
            }

            ZohoTokenAnswer answer;
            try
            {
                answer = await client.RefreshAsync(cancellationToken);
            }
            catch (ZohoCrmException error) when (token is not null && token.Value != rejected && time.GetUtcNow() < token.ExpiresAt)
            {
                Log.TokenRefreshFailedKeptCached(logger, error.Code ?? error.GetType().Name, token.ExpiresAt, error);
                return token.Value;
            }

            var now = time.GetUtcNow();
            var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, answer.ExpiresIn.Ticks / 2));
            var apiDomain = answer.ApiDomain ?? token?.ApiDomain;
            if (apiDomain is not null && apiDomain != token?.ApiDomain)
            {
                Log.ApiDomainChosen(logger, apiDomain);
            }

            // Minted now, so not among the configured secrets: from here on no log line may carry it.
            secrets?.Add(answer.AccessToken);
            current = new ZohoAccessToken(answer.AccessToken, now + answer.ExpiresIn - margin, now + answer.ExpiresIn, apiDomain);
            Log.TokenRefreshed(logger, answer.ExpiresIn);
            return answer.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private bool IsFresh(ZohoAccessToken token) => time.GetUtcNow() < token.RefreshAt;
}
