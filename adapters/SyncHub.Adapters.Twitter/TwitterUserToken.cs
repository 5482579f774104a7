namespace SyncHub.Adapters.Twitter;

/// <summary>The OAuth 2.0 user token in force: the access token (empty until the first refresh when none is configured), its refresh token and expiry, if known.</summary>
internal sealed record TwitterUserToken(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt);
