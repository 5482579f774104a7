using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// The conformance tests of an <see cref="IAdapterModule"/>, driven through the builder the host uses: enabled, it
/// registers each of its sources and notifiers once, sources under the module's name; disabled, it registers nothing;
/// registering twice adds nothing; valid settings pass the validation the host runs at start, and each wrong setting
/// stops the host with a failure that names its full key (<c>SyncHub:Adapters:&lt;Name&gt;:&lt;Key&gt;</c>).
/// </summary>
/// <typeparam name="TModule">The module type.</typeparam>
public abstract class AdapterModuleConformance<TModule>
    where TModule : IAdapterModule, new()
{
    /// <summary>
    /// A valid configuration of the module, keys relative to its section (<c>SyncHub:</c> keys are absolute), without
    /// <c>Enabled</c>: the kit sets it.
    /// </summary>
    protected abstract IReadOnlyDictionary<string, string?> ValidSettings { get; }

    /// <summary>The source, webhook and notifier types the module registers when enabled.</summary>
    protected abstract IReadOnlyCollection<Type> Components { get; }

    /// <summary>Settings that must stop the host at start, each with the key its failure names; at least one.</summary>
    protected abstract IEnumerable<InvalidSetting> InvalidSettings { get; }

    /// <summary>The module under test.</summary>
    protected virtual TModule CreateModule() => new();

    /// <summary>Services the host registers before the modules, when the module needs them to resolve its components.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A harness of the module with <see cref="ValidSettings"/>, <c>Enabled=true</c> and <paramref name="overrides"/>.</summary>
    protected AdapterHarness CreateHarness(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new(CreateModule(), AdapterHarness.Merge(AdapterHarness.Merge([new("Enabled", "true")], ValidSettings), overrides), configureServices: ConfigureServices);

    /// <summary>The name is the module's configuration key under <c>SyncHub:Adapters</c>.</summary>
    [Fact]
    public void Name_IsAConfigurationKey()
    {
        var name = CreateModule().Name;

        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.DoesNotContain(name, c => c == ':' || char.IsWhiteSpace(c));
    }

    /// <summary>
    /// Enabled, the module registers each component once: sources under the module's name (polled ones scheduled under
    /// it, webhooks at a route of their own), notifiers under a name of their own, and nothing it did not declare.
    /// </summary>
    [Fact]
    public void Register_Enabled_AddsEachComponentOnce()
    {
        using var harness = CreateHarness();
        var name = harness.Module.Name;
        var webhooks = harness.Provider.GetServices<IWebhookSource>().ToList();
        var notifiers = harness.Provider.GetServices<INotifier>().ToList();

        Assert.True(harness.Registered, $"the module did not register with {harness.Section}:Enabled=true");
        Assert.NotEmpty(Components);
        foreach (var type in Components)
        {
            if (typeof(IWebhookSource).IsAssignableFrom(type))
            {
                var webhook = Assert.Single(webhooks, w => w.GetType() == type);
                Assert.Equal(name, webhook.Name);
                Assert.Matches("^[a-z0-9][a-z0-9-]*$", webhook.Route);
            }
            else if (typeof(INotifier).IsAssignableFrom(type))
            {
                var notifier = Assert.Single(notifiers, n => n.GetType() == type);
                Assert.False(string.IsNullOrWhiteSpace(notifier.Name));
            }
            else
            {
                var source = harness.Provider.GetService(type);
                Assert.True(source is not null, $"{type.Name} is not registered");
                Assert.Equal(name, source switch
                {
                    IPollingSource polling => polling.Name,
                    IAccountSource account => account.Name,
                    _ => throw new InvalidOperationException($"{type.Name} is neither a polling, account or webhook source nor a notifier"),
                });
            }
        }

        Assert.Equal(Components.Where(typeof(IWebhookSource).IsAssignableFrom).Order(TypeOrder.Instance), webhooks.Select(w => w.GetType()).Order(TypeOrder.Instance));
        Assert.Equal(Components.Where(typeof(INotifier).IsAssignableFrom).Order(TypeOrder.Instance), notifiers.Select(n => n.GetType()).Order(TypeOrder.Instance));
        Assert.Equal(webhooks.Count, webhooks.Select(w => w.Route).Distinct(StringComparer.Ordinal).Count());
        var polled = Components.Count(t => typeof(IPollingSource).IsAssignableFrom(t) || typeof(IAccountSource).IsAssignableFrom(t));
        Assert.Equal(Enumerable.Repeat(name, polled), HubHost.ScheduledPollers(harness.Provider));
    }

    /// <summary>Disabled (or with no <c>Enabled</c> key), the module registers nothing at all.</summary>
    [Fact]
    public void Register_Disabled_RegistersNothing()
    {
        using var disabled = CreateHarness([new("Enabled", "false")]);
        using var unset = CreateHarness([new("Enabled", null)]);
        using var enabled = CreateHarness();

        Assert.True(enabled.ServicesAdded > 0, "the enabled module registered nothing, so the disabled case proves nothing");
        foreach (var harness in new[] { disabled, unset })
        {
            Assert.False(harness.Registered);
            Assert.Equal(0, harness.ServicesAdded);
            Assert.Empty(harness.Provider.GetServices<IWebhookSource>());
            Assert.Empty(harness.Provider.GetServices<INotifier>());
            Assert.Empty(HubHost.ScheduledPollers(harness.Provider));
        }
    }

    /// <summary>Registering the module a second time with the same builder adds no service registration.</summary>
    [Fact]
    public void Register_CalledTwice_AddsNothingTheSecondTime()
    {
        var module = CreateModule();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(AdapterHarness.Qualify($"{HubHost.AdaptersSection}:{module.Name}", AdapterHarness.Merge([new("Enabled", "true")], ValidSettings)))
            .Build();
        var services = new ServiceCollection();
        var hub = HubHost.CreateBuilder(services, configuration);
        var section = configuration.GetSection($"{HubHost.AdaptersSection}:{module.Name}");

        module.Register(hub, section);
        var once = Registrations(services);
        module.Register(hub, section);

        var twice = Registrations(services);
        Assert.NotEmpty(once);
        Assert.True(once.SequenceEqual(twice), "registering again added: " + string.Join(", ", twice.Except(once)));
    }

    /// <summary>The valid settings pass the validation the host runs at start.</summary>
    [Fact]
    public void ValidateOnStart_ValidSettings_Passes()
    {
        using var harness = CreateHarness();

        Assert.Empty(StartFailures(harness));
    }

    /// <summary>Each wrong setting stops the host at start with a failure that names its full configuration key.</summary>
    [Fact]
    public void ValidateOnStart_WrongSetting_FailsNamingTheFullKey()
    {
        var cases = InvalidSettings.ToList();
        var misses = new List<string>();
        foreach (var invalid in cases)
        {
            using var harness = CreateHarness(invalid.Settings);
            var fullKey = AdapterHarness.Qualify(harness.Section, [new(invalid.FullKey, null)]).Keys.Single();
            var failures = StartFailures(harness);
            if (!failures.Any(f => f.StartsWith(fullKey + ":", StringComparison.Ordinal)))
            {
                misses.Add($"{invalid}: {(failures.Count == 0 ? "the host would start" : string.Join(" | ", failures))}");
            }
        }

        Assert.NotEmpty(cases);
        Assert.True(misses.Count == 0, "no failure names the key:\n" + string.Join("\n", misses));
    }

    /// <summary>The failures the host would stop with at start (none when it starts).</summary>
    protected static IReadOnlyList<string> StartFailures(AdapterHarness harness)
    {
        ArgumentNullException.ThrowIfNull(harness);
        try
        {
            harness.ValidateOnStart();
            return [];
        }
        catch (OptionsValidationException error)
        {
            return [.. error.Failures];
        }
        catch (AggregateException errors)
        {
            return [.. errors.Flatten().InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }

    private static List<string> Registrations(IServiceCollection services) =>
        [.. services
            .GroupBy(d => d.ServiceKey is null ? Describe(d.ServiceType) : $"{Describe(d.ServiceType)} ({d.ServiceKey})")
            .Select(g => $"{g.Key} x{g.Count()}")
            .Order(StringComparer.Ordinal)];

    private static string Describe(Type type) =>
        type.IsGenericType
            ? $"{type.Name.Split('`')[0]}<{string.Join(",", type.GetGenericArguments().Select(Describe))}>"
            : type.Name;
}
