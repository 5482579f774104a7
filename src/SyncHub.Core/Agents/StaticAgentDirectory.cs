namespace SyncHub.Agents;

/// <summary>A fixed list of agents (the configured ones, or a test's).</summary>
public sealed class StaticAgentDirectory(IEnumerable<Agent> agents) : IAgentDirectory
{
    private readonly Agent[] all = [.. agents];

    public IReadOnlyList<Agent> All => all;

    public Agent? Find(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        var wanted = idOrName.Trim();
        return Array.Find(all, a => string.Equals(a.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? Array.Find(all, a => string.Equals(a.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
