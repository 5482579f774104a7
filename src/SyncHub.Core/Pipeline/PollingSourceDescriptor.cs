using SyncHub.Adapters;

namespace SyncHub.Pipeline;

/// <summary>A registered poll target: how to create it and how to read its options (the interval may change at run time).</summary>
public sealed record PollingSourceDescriptor(
    string Name,
    Func<IServiceProvider, IPollTarget> Create,
    Func<IServiceProvider, AdapterOptions> Options);
