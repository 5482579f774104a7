using System.ComponentModel.DataAnnotations;
using SyncHub.Host.Auth;

namespace SyncHub.Host.Configuration;

/// <summary>
/// <c>SyncHub:Api</c>: how callers of the agent and admin routes sign in: the service keys integrations send as
/// <c>X-Api-Key</c> (<c>Keys</c>, recorded as <c>service:api-key</c>; or named ones under <c>Services</c>, recorded as
/// <c>service:NAME</c>), the JWTs of the organisation's identity provider (<c>Jwt</c>), and how many failed sign-ins one
/// address may make in a window before it is answered 429. Agents' personal keys are under <c>SyncHub:Agents</c>.
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Api";

    /// <summary>Plain service keys (the first form of the setting, kept): the history records them as <c>service:api-key</c>.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Named service keys, <c>Services:&lt;name&gt;:KeyHash</c>: the history records <c>service:&lt;name&gt;</c>.</summary>
    public Dictionary<string, ServiceKeySettings> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bearer tokens of the organisation's identity provider (off unless an authority or a signing key is set).</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>Failed sign-ins one client address may make per <see cref="FailedAttemptsWindow"/> before it is answered 429; 0 = no limit.</summary>
    public int FailedAttempts { get; set; } = 10;

    public TimeSpan FailedAttemptsWindow { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keys.Any(k => k.Trim().Length < 8))
        {
            yield return new ValidationResult("every API key must have at least 8 characters", [nameof(Keys)]);
        }

        foreach (var (name, service) in Services)
        {
            if (!KeyHash.TryParse(service.KeyHash, out _))
            {
                yield return new ValidationResult("must be sha256: and 64 lowercase hex digits (run synchub hash-key)", [$"{nameof(Services)}:{name}:{nameof(ServiceKeySettings.KeyHash)}"]);
            }
        }

        if (FailedAttempts < 0)
        {
            yield return new ValidationResult("must be 0 (no limit) or more", [nameof(FailedAttempts)]);
        }

        if (FailedAttemptsWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be above zero", [nameof(FailedAttemptsWindow)]);
        }

        foreach (var problem in Jwt.Problems())
        {
            yield return new ValidationResult(problem.Message, [$"{nameof(Jwt)}:{problem.Key}"]);
        }
    }

    /// <summary>
    /// The check that needs the agents too: someone must be able to sign in (a service key, an agent's key, or JWTs).
    /// </summary>
    internal IEnumerable<string> Rules(bool agentsConfigured)
    {
        if (Keys.Count == 0 && Services.Count == 0 && !Jwt.Enabled && !agentsConfigured)
        {
            yield return $"{nameof(Keys)}: at least one API key is required (clients send it as X-Api-Key), or agents under {AgentsOptions.SectionName}, or {SectionName}:Jwt";
        }
    }
}

/// <summary>A named service key: its <c>sha256:</c> hash (<c>synchub hash-key</c>).</summary>
public sealed class ServiceKeySettings
{
    public string? KeyHash { get; set; }
}

/// <summary><c>SyncHub:Api:Jwt</c>: bearer tokens from the organisation's identity provider, naming the agent in a claim.</summary>
public sealed class JwtSettings
{
    /// <summary>The OpenID Connect issuer whose published keys sign the tokens (https).</summary>
    public string? Authority { get; set; }

    /// <summary>Or a symmetric signing key, base64 (at least 32 bytes).</summary>
    public string? SigningKey { get; set; }

    public string? Audience { get; set; }

    public string? Issuer { get; set; }

    /// <summary>The claim whose value is the agent's id or e-mail in <c>SyncHub:Agents</c>.</summary>
    public string AgentClaim { get; set; } = "preferred_username";

    internal bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    internal byte[]? SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            return null;
        }

        var bytes = new byte[SigningKey.Length];
        return Convert.TryFromBase64String(SigningKey.Trim(), bytes, out var written) ? bytes[..written] : null;
    }

    internal IEnumerable<(string Key, string Message)> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(SigningKey))
        {
            yield return (nameof(SigningKey), $"set {nameof(Authority)} or {nameof(SigningKey)}, not both");
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !(Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttps))
        {
            yield return (nameof(Authority), "must be an https URL (the identity provider's issuer)");
        }

        if (!string.IsNullOrWhiteSpace(SigningKey) && SigningKeyBytes() is not { Length: >= 32 })
        {
            yield return (nameof(SigningKey), "must be base64 of at least 32 bytes");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return (nameof(Audience), "is required: the audience the tokens are issued for");
        }

        if (!string.IsNullOrWhiteSpace(SigningKey) && string.IsNullOrWhiteSpace(Issuer))
        {
            yield return (nameof(Issuer), $"is required with {nameof(SigningKey)}");
        }

        if (string.IsNullOrWhiteSpace(AgentClaim))
        {
            yield return (nameof(AgentClaim), "must name a claim, e.g. preferred_username or email");
        }
    }
}
