namespace SyncHub.Policies;

/// <summary><c>SyncHub:Assignment</c>: automatic assignment of new tickets.</summary>
public sealed class AssignmentOptions
{
    public const string SectionName = "SyncHub:Assignment";

    /// <summary>
    /// True: a new ticket goes to the next available agent of its department in turn (round-robin); agents mark
    /// themselves available with <c>POST /api/agents/me/availability</c>. Off by default.
    /// </summary>
    public bool RoundRobin { get; set; }
}
