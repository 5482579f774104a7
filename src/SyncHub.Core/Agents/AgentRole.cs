namespace SyncHub.Agents;

/// <summary>What an agent may do: work tickets, or also manage the hub's settings and dead letters.</summary>
public enum AgentRole
{
    Agent,
    Admin,
}
