using SyncHub.Agents;
using SyncHub.Host.Auth;

namespace SyncHub.Host.Sandbox;

/// <summary>
/// The zero-setup run's agents (appsettings.Development.json holds their hashes): fixed, published keys, so a new user can
/// sign in as one of them at once. The start log prints them beside the curl; outside Development their hashes stop the start.
/// </summary>
internal static class SandboxAgents
{
    /// <summary>The login id and the published key of each sandbox agent.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ana"] = "dev-agent-ana",
        ["ben"] = "dev-agent-ben",
        ["cleo"] = "dev-agent-cleo",
    };

    private static readonly HashSet<string> Hashes = [.. Keys.Values.Select(KeyHash.Of)];

    public static bool IsDevelopmentHash(string? hash) => hash is not null && Hashes.Contains(hash.Trim());

    /// <summary>"ana (Admin, all departments): X-Api-Key: dev-agent-ana" for each configured agent whose key is a sandbox key.</summary>
    public static IEnumerable<string> SignIns(IAgentDirectory directory, Func<string, string?> configuredHash)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(configuredHash);
        foreach (var agent in directory.All)
        {
            if (Keys.TryGetValue(agent.Id, out var key) && configuredHash(agent.Id) is { } hash && hash.Trim() == KeyHash.Of(key))
            {
                var departments = agent.Departments.Count == 0 ? "all departments" : string.Join("+", agent.Departments);
                yield return $"{agent.Id} ({agent.Role}, {departments}): X-Api-Key: {key}";
            }
        }
    }
}
