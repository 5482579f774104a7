using System.Globalization;

namespace SyncHub.Leases;

/// <summary>
/// Who this hub instance is when it holds a lease: the machine, the process id and a random part, so two instances
/// (or two hubs in one test process) never share an owner name.
/// </summary>
public sealed class LeaseOwner(string id)
{
    public string Id { get; } = string.IsNullOrEmpty(id) ? throw new ArgumentException("An owner id is required.", nameof(id)) : id;

    /// <summary>A new owner name for this process: <c>{machine}/{pid}/{random}</c>.</summary>
    public static LeaseOwner ForThisProcess() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}"));

    public override string ToString() => Id;
}
