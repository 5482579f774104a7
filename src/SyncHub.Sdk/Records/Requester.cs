namespace SyncHub.Domain;

/// <summary>Who asked: any of the fields may be missing, depending on the channel.</summary>
public sealed record Requester(string? Name = null, string? Email = null, string? Phone = null, string? Handle = null)
{
    public static Requester Unknown { get; } = new();
}
