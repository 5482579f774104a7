using SyncHub.Adapters;

namespace SyncHub.Pipeline;

/// <summary>A registered polling source and how to read its current interval.</summary>
public sealed record PollingSourceDescriptor(string Name, Type SourceType, Func<IServiceProvider, AdapterOptions> Options);
