using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Hands out the cached access token and replaces it <see cref="ZohoCrmOptions.TokenRefreshMargin"/> before it
/// expires (by <see cref="TimeProvider"/>), or at once when the CRM rejects it. Refreshes are serialised, so
/// concurrent callers share one refresh (Zoho limits how many tokens a refresh token may mint).
/// </summary>
internal sealed class ZohoTokenProvider(ZohoOAuthClient client, IOptions<ZohoCrmOptions> options, TimeProvider time, ILogger<ZohoTokenProvider> logger)
    : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile ZohoAccessToken? current;

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

            current = null;
            var answer = await client.RefreshAsync(cancellationToken);
            var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, answer.ExpiresIn.Ticks / 2));
            current = new ZohoAccessToken(answer.AccessToken, time.GetUtcNow() + answer.ExpiresIn - margin);
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
