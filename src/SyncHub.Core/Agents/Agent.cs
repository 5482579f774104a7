using SyncHub.Domain;

namespace SyncHub.Agents;

/// <summary>
/// A support agent as configured in <c>SyncHub:Agents</c>: <paramref name="Id"/> is the login (the configuration key),
/// <paramref name="Name"/> what the history and the dashboard show. No departments: the agent serves every department.
/// </summary>
public sealed record Agent(string Id, string Name, string? Email, string? ChatHandle, AgentRole Role, IReadOnlyList<Department> Departments)
{
    public bool IsAdmin => Role == AgentRole.Admin;

    /// <summary>True when the agent works tickets of <paramref name="department"/>.</summary>
    public bool Serves(Department department) => Departments.Count == 0 || Departments.Contains(department);
}
