using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SyncHub.Agents;
using SyncHub.Host.Configuration;
using SyncHub.Host.Sandbox;
using SyncHub.Hosting;

namespace SyncHub.Host.Auth;

/// <summary>Registers the agents (<c>SyncHub:Agents</c>) as the directory, the keys, the JWT scheme and the failed-attempt limit.</summary>
internal static class AuthRegistration
{
    public static void AddApiAuthentication(this WebApplicationBuilder builder, StartProblems problems)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var api = configuration.GetSection(ApiOptions.SectionName);
        var agentsSection = configuration.GetSection(AgentsOptions.SectionName);
        var agentsConfigured = agentsSection.GetChildren().Any();
        services.AddValidatedOptions<ApiOptions>(api, o => o.Rules(agentsConfigured));

        // The agents' hashes must differ from each other and from the service keys'.
        services.AddValidatedOptions<AgentsOptions>(agentsSection, o => o.Problems(OtherHashes(configuration)));
        services.Replace(ServiceDescriptor.Singleton<IAgentDirectory>(sp => new StaticAgentDirectory(sp.GetRequiredService<IOptions<AgentsOptions>>().Value.ToAgents())));
        services.AddSingleton<Credentials>();
        services.AddSingleton<FailedAttempts>();
        services.AddSingleton<ApiAuthentication>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<AdminOnlyFilter>();

        if (!builder.Environment.IsDevelopment())
        {
            foreach (var (id, agent) in agentsSection.GetChildren().Select(c => (c.Key, c[nameof(AgentSettings.KeyHash)])))
            {
                if (SandboxAgents.IsDevelopmentHash(agent))
                {
                    problems.Report(
                        $"Configuration error: {AgentsOptions.SectionName}:{id}:{nameof(AgentSettings.KeyHash)}: is the hash of a published sandbox key, " +
                        $"which works only in the Development environment, not in {builder.Environment.EnvironmentName}; run synchub hash-key for a key of its own");
                }
            }
        }

        var jwt = api.GetSection(nameof(ApiOptions.Jwt)).Get<JwtSettings>() ?? new JwtSettings();
        if (!jwt.Enabled)
        {
            return;
        }

        // The bearer scheme is used where a route asks for it (ApiAuthentication, by name), never as a default: as the only
        // scheme registered, ASP.NET Core would make it the default one, and the authentication middleware would then
        // validate every request's Authorization header as a JWT, a webhook's own bearer token included (about 4 KB and a
        // failed token parse per webhook request).
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddJwtBearer(ApiAuthentication.BearerScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(ApiAuthentication.BearerScheme).Configure<IOptions<ApiOptions>, TimeProvider>((o, options, time) =>
        {
            var settings = options.Value.Jwt;
            o.MapInboundClaims = false;
            o.TimeProvider = time;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateAudience = true,
                ValidAudience = settings.Audience,
                ValidateIssuer = !string.IsNullOrWhiteSpace(settings.Issuer) || !string.IsNullOrWhiteSpace(settings.Authority),
                ValidIssuer = string.IsNullOrWhiteSpace(settings.Issuer) ? null : settings.Issuer,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                NameClaimType = settings.AgentClaim,
            };
            if (settings.SigningKeyBytes() is { } key)
            {
                o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(key);
                o.TokenValidationParameters.ValidateIssuerSigningKey = true;
            }
            else
            {
                o.Authority = settings.Authority;
                o.Audience = settings.Audience;
            }
        });
    }

    private static IEnumerable<(string Name, string Hash)> OtherHashes(IConfiguration configuration)
    {
        var api = configuration.GetSection(ApiOptions.SectionName);
        foreach (var service in api.GetSection(nameof(ApiOptions.Services)).GetChildren())
        {
            if (service[nameof(ServiceKeySettings.KeyHash)] is { Length: > 0 } hash)
            {
                yield return ($"{service.Path}:{nameof(ServiceKeySettings.KeyHash)}", hash.Trim());
            }
        }

        foreach (var key in api.GetSection(nameof(ApiOptions.Keys)).GetChildren())
        {
            if (key.Value is { Length: > 0 } value && value.Trim().Length > 0)
            {
                yield return (key.Path, KeyHash.Of(value.Trim()));
            }
        }
    }
}
