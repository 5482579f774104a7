using SyncHub.Agents;
using SyncHub.Domain;
using SyncHub.Host.Auth;

namespace SyncHub.Host.Configuration;

/// <summary>
/// <c>SyncHub:Agents:&lt;id&gt;</c>: the agents who sign in, keyed by their login id. Each has a personal key, stored only as
/// its <c>sha256:</c> hash (<c>synchub hash-key</c> prints one), and may also sign in with a JWT naming the id or e-mail.
/// </summary>
public sealed class AgentsOptions : Dictionary<string, AgentSettings>
{
    public const string SectionName = "SyncHub:Agents";

    public AgentsOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>One line per bad setting, each naming its key below <c>SyncHub:Agents</c> (the validator adds the prefix).</summary>
    public IEnumerable<string> Problems(IEnumerable<(string Name, string Hash)>? otherHashes = null)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, hash) in otherHashes ?? [])
        {
            seen.TryAdd(hash, name);
        }

        foreach (var (id, agent) in this.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (id.Trim().Length == 0 || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                yield return $"{id}: an agent's id is its login: one word, no spaces";
            }

            if (agent.Role is not null && !EnumNames.TryParse<AgentRole>(agent.Role, out _))
            {
                yield return $"{id}:Role: '{agent.Role}' is not a role; use Agent or Admin";
            }

            for (var i = 0; i < agent.Departments.Count; i++)
            {
                if (!EnumNames.TryParse<Department>(agent.Departments[i], out _))
                {
                    yield return $"{id}:Departments:{i}: '{agent.Departments[i]}' is not a department; use {string.Join(", ", Enum.GetNames<Department>())}";
                }
            }

            if (string.IsNullOrWhiteSpace(agent.KeyHash))
            {
                continue;
            }

            if (!KeyHash.TryParse(agent.KeyHash, out _))
            {
                yield return $"{id}:KeyHash: must be sha256: and 64 lowercase hex digits (run synchub hash-key); the key itself is never configured";
            }
            else if (!seen.TryAdd(agent.KeyHash.Trim(), $"{SectionName}:{id}:KeyHash"))
            {
                yield return $"{id}:KeyHash: is the same hash as {seen[agent.KeyHash.Trim()]}: every agent needs a key of their own";
            }
        }
    }

    /// <summary>The agents, for the directory (call after validation).</summary>
    public IReadOnlyList<Agent> ToAgents() =>
        [.. this.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => p.Value.ToAgent(p.Key.Trim()))];
}

/// <summary>One agent of <c>SyncHub:Agents</c>.</summary>
public sealed class AgentSettings
{
    /// <summary>What the history and the dashboard show; the id when empty.</summary>
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? ChatHandle { get; set; }

    /// <summary><c>Agent</c> (default) or <c>Admin</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The departments the agent works; empty = all.</summary>
    public List<string> Departments { get; set; } = [];

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the UTF-8 key; none = the agent signs in only with a JWT.</summary>
    public string? KeyHash { get; set; }

    internal Agent ToAgent(string id) => new(
        id,
        string.IsNullOrWhiteSpace(Name) ? id : Name.Trim(),
        string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        string.IsNullOrWhiteSpace(ChatHandle) ? null : ChatHandle.Trim(),
        Role is not null && EnumNames.TryParse<AgentRole>(Role, out var role) ? role : AgentRole.Agent,
        [.. Departments.Select(d => EnumNames.TryParse<Department>(d, out var department) ? department : (Department?)null).OfType<Department>().Distinct()]);
}
