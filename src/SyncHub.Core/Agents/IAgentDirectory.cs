namespace SyncHub.Agents;

/// <summary>The configured agents.</summary>
public interface IAgentDirectory
{
    IReadOnlyList<Agent> All { get; }

    /// <summary>The agent with this id (login) or display name, ignoring case; null when there is none.</summary>
    Agent? Find(string idOrName);
}
