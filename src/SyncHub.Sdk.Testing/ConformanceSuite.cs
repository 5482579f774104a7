using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// What every conformance base shares: one fake clock and one log collector per test, the secrets that must never
/// show in errors or logs, and the resources a test created, disposed when it ends (last first).
/// </summary>
public abstract class ConformanceSuite : IAsyncLifetime
{
    private readonly List<object> resources = [];
    private FakeTimeProvider? time;

    /// <summary>The instant <see cref="Time"/> starts at.</summary>
    protected virtual DateTimeOffset Start => AdapterHarness.DefaultNow;

    /// <summary>The clock the adapter under test must use for every wait (retry delays, Retry-After, rate-limit resets).</summary>
    protected FakeTimeProvider Time => time ??= new FakeTimeProvider(Start);

    /// <summary>Every log entry the adapter under test wrote; give it to the adapter's loggers (<see cref="Harness"/> does).</summary>
    protected FakeLogCollector Logs { get; } = new();

    /// <summary>
    /// The configured credentials (tokens, keys, passwords, signing secrets): none may appear in an exception message,
    /// a refusal or a log entry.
    /// </summary>
    protected abstract IEnumerable<string> Secrets { get; }

    /// <summary>
    /// A harness for <paramref name="module"/> on this test's <see cref="Time"/> and <see cref="Logs"/>, disposed when
    /// the test ends. The kit adds <c>Enabled=true</c> unless <paramref name="settings"/> say otherwise.
    /// </summary>
    protected AdapterHarness Harness(
        IAdapterModule module,
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<IServiceCollection>? configureServices = null)
    {
        var enabled = AdapterHarness.Merge([new("Enabled", "true")], settings);
        return Track(new AdapterHarness(module, enabled, Time, configureServices, Logs));
    }

    /// <summary>Disposes <paramref name="resource"/> (<see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>) when the test ends.</summary>
    protected T Track<T>(T resource)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        resources.Add(resource);
        return resource;
    }

    /// <summary>Fails when a secret appears in <paramref name="text"/>; <paramref name="where"/> says what the text is.</summary>
    protected void AssertNoSecret(string? text, string where)
    {
        var leaked = Secrets.Where(s => !string.IsNullOrEmpty(s) && text?.Contains(s, StringComparison.Ordinal) == true).ToList();
        Assert.True(leaked.Count == 0, $"{where} shows a configured secret: {text}");
    }

    /// <summary>Fails when a secret appears in the message of <paramref name="error"/> or of any exception inside it.</summary>
    protected void AssertNoSecret(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            AssertNoSecret(e.Message, $"the message of {e.GetType().Name}");
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    AssertNoSecret(inner);
                }
            }
        }
    }

    /// <summary>Fails when a secret appears in any log entry written so far (its message or its exception's message).</summary>
    protected void AssertNoSecretLogged()
    {
        foreach (var entry in Logs.GetSnapshot())
        {
            AssertNoSecret(entry.Message, $"log entry {entry.Id}");
            AssertNoSecret(entry.Exception);
        }
    }

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        for (var i = resources.Count - 1; i >= 0; i--)
        {
            switch (resources[i])
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        resources.Clear();
        GC.SuppressFinalize(this);
    }
}
