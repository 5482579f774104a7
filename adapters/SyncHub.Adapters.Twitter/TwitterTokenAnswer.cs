namespace SyncHub.Adapters.Twitter;

/// <summary>The body of <c>POST /2/oauth2/token</c>: <c>{token_type, expires_in, access_token, scope, refresh_token}</c>.</summary>
internal sealed record TwitterTokenAnswer(string? TokenType, int? ExpiresIn, string? AccessToken, string? Scope, string? RefreshToken);
