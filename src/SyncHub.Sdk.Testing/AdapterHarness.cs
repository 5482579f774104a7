using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// An adapter module wired the way the host wires it: configuration under <c>SyncHub:Adapters:&lt;Name&gt;</c>, the
/// module registered only when <c>Enabled</c> is true, a fake clock, captured logs and metrics. Sources, webhooks
/// and notifiers are then resolved from <see cref="Provider"/> exactly as the host would resolve them.
/// </summary>
public sealed class AdapterHarness : IDisposable
{
    /// <summary>The instant the harness's fake clock starts at, unless another clock is given.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly int baseline;

    /// <summary>
    /// Registers <paramref name="module"/> with <paramref name="settings"/>. A key is relative to the module's section
    /// (<c>ApiKey</c> is <c>SyncHub:Adapters:&lt;Name&gt;:ApiKey</c>) unless it starts with <c>SyncHub:</c>.
    /// </summary>
    /// <param name="module">The module under test.</param>
    /// <param name="settings">The configuration; <c>Enabled</c> must be among them for the module to register.</param>
    /// <param name="time">The clock every service sees; a new <see cref="FakeTimeProvider"/> at <see cref="DefaultNow"/> when null.</param>
    /// <param name="configureServices">Services the host would have registered before the module (a store, a directory).</param>
    /// <param name="logs">Where the loggers write; a new collector when null.</param>
    public AdapterHarness(
        IAdapterModule module,
        IEnumerable<KeyValuePair<string, string?>> settings,
        FakeTimeProvider? time = null,
        Action<IServiceCollection>? configureServices = null,
        FakeLogCollector? logs = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(settings);
        Module = module;
        Section = $"{HubHost.AdaptersSection}:{module.Name}";
        Time = time ?? new FakeTimeProvider(DefaultNow);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Qualify(Section, settings)).Build();
        Logs = logs ?? new FakeLogCollector();
        Services = new ServiceCollection();
        Services.AddSingleton(Logs);
        Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        Services.AddMetrics();
        Services.AddSingleton<TimeProvider>(Time);
        configureServices?.Invoke(Services);
        baseline = Services.Count;
        Registered = HubHost.AddModule(HubHost.CreateBuilder(Services, Configuration), module);
        Provider = Services.BuildServiceProvider();
    }

    /// <summary>The module under test.</summary>
    public IAdapterModule Module { get; }

    /// <summary>The module's configuration section, <c>SyncHub:Adapters:&lt;Name&gt;</c>.</summary>
    public string Section { get; }

    /// <summary>The whole configuration the module was registered with.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The clock every service sees.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>True when the host path registered the module (its <c>Enabled</c> key is true).</summary>
    public bool Registered { get; }

    /// <summary>The services after registration.</summary>
    public IServiceCollection Services { get; }

    /// <summary>How many service registrations the module added.</summary>
    public int ServicesAdded => Services.Count - baseline;

    /// <summary>The container built from <see cref="Services"/>.</summary>
    public ServiceProvider Provider { get; }

    /// <summary>Every log entry written through the container's loggers.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>
    /// <paramref name="settings"/> with every key made absolute under <paramref name="section"/> (keys starting with
    /// <c>SyncHub:</c> are kept as they are); a later key wins.
    /// </summary>
    public static Dictionary<string, string?> Qualify(string section, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            values[key.StartsWith("SyncHub:", StringComparison.OrdinalIgnoreCase) ? key : $"{section}:{key}"] = value;
        }

        return values;
    }

    /// <summary>
    /// <paramref name="settings"/> with <paramref name="overrides"/> applied on top (same keys replaced, others added);
    /// an override whose value is null removes the key and every key below it.
    /// </summary>
    public static Dictionary<string, string?> Merge(
        IEnumerable<KeyValuePair<string, string?>> settings,
        IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides ?? [])
        {
            if (value is null)
            {
                foreach (var removed in values.Keys.Where(k => k.Equals(key, StringComparison.OrdinalIgnoreCase) || k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    values.Remove(removed);
                }
            }
            else
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>
    /// <typeparamref name="TOptions"/> bound from <paramref name="settings"/> under <c>SyncHub:Adapters:&lt;<paramref name="adapterName"/>&gt;</c>
    /// and validated the way the host binds an adapter's options, whether or not the adapter is enabled; throws
    /// <see cref="OptionsValidationException"/> when they are invalid.
    /// </summary>
    public static TOptions BindOptions<TOptions>(string adapterName, IEnumerable<KeyValuePair<string, string?>> settings)
        where TOptions : AdapterOptions
    {
        var section = $"{HubHost.AdaptersSection}:{adapterName}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Qualify(section, settings)).Build();
        var services = new ServiceCollection();
        HubHost.CreateBuilder(services, configuration).AddAdapterOptions<TOptions>(configuration.GetSection(section));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TOptions>>().Value;
    }

    /// <summary>The registered service of type <typeparamref name="T"/>.</summary>
    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>The bound options of type <typeparamref name="TOptions"/>; throws <see cref="OptionsValidationException"/> when they are invalid.</summary>
    public TOptions Options<TOptions>()
        where TOptions : class => Provider.GetRequiredService<IOptions<TOptions>>().Value;

    /// <summary>The one registered webhook source at <paramref name="route"/>.</summary>
    public IWebhookSource Webhook(string route) => Provider.GetServices<IWebhookSource>().Single(w => w.Route == route);

    /// <summary>The one registered notifier named <paramref name="name"/>.</summary>
    public INotifier Notifier(string name) => Provider.GetServices<INotifier>().Single(n => n.Name == name);

    /// <summary>
    /// Runs the validation the host runs at start (every options type bound with validation at start) and throws
    /// the <see cref="OptionsValidationException"/> the host would stop with.
    /// </summary>
    public void ValidateOnStart() => Provider.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>Advances <see cref="Time"/> in steps of <paramref name="step"/> until <paramref name="task"/> completes (bounded).</summary>
    public Task<T> PumpAsync<T>(Task<T> task, TimeSpan step) => Time.PumpAsync(task, step);

    /// <summary>Advances <see cref="Time"/> in steps of <paramref name="step"/> until <paramref name="task"/> completes (bounded).</summary>
    public Task PumpAsync(Task task, TimeSpan step) => Time.PumpAsync(task, step);

    /// <summary>
    /// Disposes the container. Resilience pipelines wait (on the fake clock) for calls still in flight, so a test that
    /// left a call hanging must not hang the run: disposal gets a bounded real-time wait.
    /// </summary>
    public void Dispose()
    {
        if (!Task.Run(Provider.Dispose).Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("a call was still in flight when the test ended");
        }
    }
}
