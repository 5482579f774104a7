namespace SyncHub.Diagnostics;

/// <summary>The <c>outcome</c> tag values of <c>synchub.records</c>.</summary>
public static class Outcomes
{
    public const string Created = "created";
    public const string Duplicate = "duplicate";
    public const string Threaded = "threaded";
    public const string DeadLettered = "dead_lettered";
    public const string Rejected = "rejected";

    /// <summary>Every value, in this order.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Duplicate, Threaded, DeadLettered, Rejected];
}
