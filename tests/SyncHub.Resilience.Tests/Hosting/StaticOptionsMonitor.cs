using Microsoft.Extensions.Options;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>Options that never change, for building a notifier outside the host.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
