using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SyncHub.Agents;
using SyncHub.Host.Configuration;

namespace SyncHub.Host.Auth;

/// <summary>
/// Who calls an agent or admin route: <c>X-Api-Key</c> (an agent's personal key or a service key) or
/// <c>Authorization: Bearer &lt;JWT&gt;</c> (the organisation's identity provider, naming an agent). A wrong, expired or
/// missing credential is a 401 problem that says what to send and never repeats what was sent; an address that failed too
/// often is a 429 with <c>Retry-After</c> until its window closes.
/// </summary>
internal sealed class ApiAuthentication(Credentials credentials, FailedAttempts failures, IAgentDirectory directory, IOptions<ApiOptions> options)
{
    public const string KeyHeader = "X-Api-Key";
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The actor, or the 401/429 answer.</summary>
    public async Task<(Actor? Actor, IResult? Problem)> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.RetryAfter(client) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return (null, Problems.Status(
                StatusCodes.Status429TooManyRequests,
                "Too many failed sign-ins",
                $"too many failed sign-ins from this address; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s"));
        }

        var key = context.Request.Headers[KeyHeader].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        if (key.Length > 0)
        {
            return credentials.Find(key.Trim()) is { } actor ? (actor, null) : Fail(context, client, $"the {KeyHeader} header is not a valid key: send an agent's personal key or a service key");
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return await BearerAsync(context, client);
        }

        return (null, Unauthorized(context, Expected()));
    }

    private async Task<(Actor?, IResult?)> BearerAsync(HttpContext context, string client)
    {
        var jwt = options.Value.Jwt;
        if (!jwt.Enabled)
        {
            return Fail(context, client, $"bearer tokens are not accepted here ({ApiOptions.SectionName}:Jwt is not configured); send {KeyHeader}");
        }

        var result = await context.AuthenticateAsync(BearerScheme);
        if (!result.Succeeded || result.Principal is null)
        {
            return Fail(context, client, $"the bearer token is not valid: {Reason(result.Failure)}");
        }

        var claim = result.Principal.FindFirst(jwt.AgentClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(claim))
        {
            return Fail(context, client, $"the bearer token has no {jwt.AgentClaim} claim naming the agent");
        }

        var agent = directory.All.FirstOrDefault(a => string.Equals(a.Id, claim, StringComparison.OrdinalIgnoreCase))
            ?? directory.All.FirstOrDefault(a => a.Email is not null && string.Equals(a.Email, claim, StringComparison.OrdinalIgnoreCase));
        return agent is null
            ? Fail(context, client, $"the bearer token's {jwt.AgentClaim} claim names no agent of {AgentsOptions.SectionName} (by id or e-mail)")
            : (Actor.For(agent), null);
    }

    private static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidAudienceException => "it was issued for another audience",
        SecurityTokenInvalidIssuerException => "it comes from another issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify",
        null => "it could not be read",
        _ => "it could not be verified",
    };

    private string Expected() =>
        options.Value.Jwt.Enabled
            ? $"send {KeyHeader}: <your key> or Authorization: Bearer <token>"
            : $"send {KeyHeader}: <your key>";

    private (Actor?, IResult?) Fail(HttpContext context, string client, string detail)
    {
        failures.Failed(client);
        return (null, Unauthorized(context, $"{detail}; {Expected()}"));
    }

    private IResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = options.Value.Jwt.Enabled ? $"ApiKey header=\"{KeyHeader}\", Bearer" : $"ApiKey header=\"{KeyHeader}\"";
        return Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
