using System.Collections.Concurrent;
using System.Reflection;
using SyncHub.Adapters;
using SyncHub.Hosting;

namespace SyncHub.Host.Plugins;

/// <summary>
/// Finds the plugins to load, refuses one built against another major version of the SDK (before any of its code
/// runs), loads each in its own <see cref="PluginLoadContext"/> and creates its <see cref="IAdapterModule"/>s. The host
/// then registers those modules through <see cref="SyncHubBuilder.AddModule"/>, exactly as it registers its own.
/// </summary>
internal static class PluginLoader
{
    // A plugin is loaded once per process: a second build of the hub (tests, check-config) reuses its context.
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    /// <summary>The SDK version of this host: the version of its <c>SyncHub.Sdk</c>.</summary>
    public static Version HostSdkVersion { get; } = typeof(IAdapterModule).Assembly.GetName().Version!;

    public static IReadOnlyList<LoadedPlugin> Load(
        PluginOptions options,
        string contentRoot,
        IConfiguration configuration,
        IReadOnlyCollection<string> builtInNames,
        StartProblems problems,
        Version? hostSdk = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        hostSdk ??= HostSdkVersion;
        var root = Path.GetFullPath(Path.Combine(contentRoot, options.Path));
        var listed = options.Enabled.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var names = listed.Count > 0 ? listed : Discover(root, configuration);

        var plugins = new List<LoadedPlugin>();
        var moduleNames = new HashSet<string>(builtInNames, StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (LoadOne(name, root, hostSdk, problems) is not { } plugin)
            {
                continue;
            }

            if (plugin.Modules.FirstOrDefault(m => moduleNames.Contains(m.Name)) is { } taken)
            {
                problems.Report($"Plugin refused: {name} has an adapter named {taken.Name}, which another adapter already uses ({SyncHubBuilder.AdaptersSection}:{taken.Name}).");
                continue;
            }

            moduleNames.UnionWith(plugin.Modules.Select(m => m.Name));
            plugins.Add(plugin);
        }

        return plugins;
    }

    /// <summary>Without a list: every plugin folder whose adapter of the same name is enabled.</summary>
    private static List<string> Discover(string root, IConfiguration configuration) =>
        !Directory.Exists(root)
            ? []
            : [.. Directory.EnumerateDirectories(root)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => configuration.GetValue<bool>($"{SyncHubBuilder.AdaptersSection}:{name}:{nameof(AdapterOptions.Enabled)}"))
                .Order(StringComparer.Ordinal)];

    private static LoadedPlugin? LoadOne(string name, string root, Version hostSdk, StartProblems problems)
    {
        var directory = Path.Combine(root, name);
        var main = new[] { $"{name}.dll", $"SyncHub.Adapters.{name}.dll" }.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists);
        if (main is null)
        {
            problems.Report(Directory.Exists(directory)
                ? $"{PluginOptions.SectionName}: plugin {name}: {directory} holds neither {name}.dll nor SyncHub.Adapters.{name}.dll."
                : $"{PluginOptions.SectionName}: plugin {name}: no folder {directory}.");
            return null;
        }

        if (PluginManifest.TryRead(main, out var error) is not { } manifest)
        {
            problems.Report($"Plugin refused: {name} ({main}) {error}.");
            return null;
        }

        var version = manifest.Version.ToString(3);
        if (manifest.SdkVersion is not { } sdk)
        {
            problems.Report($"Plugin refused: {name} {version} ({main}) does not reference {SharedAssemblies.Sdk}; it is not a SyncHub adapter.");
            return null;
        }

        if (sdk.Major != hostSdk.Major)
        {
            problems.Report(
                $"Plugin refused: {name} {version} was built against SyncHub SDK {sdk.ToString(3)}, this host runs SDK {hostSdk.ToString(3)}: " +
                $"the major versions must match; rebuild the plugin against {SharedAssemblies.Sdk} {hostSdk.Major}.x ({main}).");
            return null;
        }

        var warnings = new List<string>();
        if (sdk > hostSdk)
        {
            warnings.Add($"built against the newer SDK {sdk.ToString(3)} (this host runs {hostSdk.ToString(3)}); features it needs may be missing here");
        }

        if (File.Exists(Path.Combine(directory, SharedAssemblies.Sdk + ".dll")))
        {
            warnings.Add($"ships its own {SharedAssemblies.Sdk}.dll, which is not used (reference it with Private=false and ExcludeAssets=runtime)");
        }

        Assembly assembly;
        Type[] types;
        try
        {
            assembly = Loaded.GetOrAdd(Path.GetFullPath(main), path => new PluginLoadContext(path).LoadFromAssemblyPath(path));
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var first = ex.LoaderExceptions.FirstOrDefault(e => e is not null);
            problems.Report($"Plugin refused: {name} {version} cannot be loaded: {first?.Message ?? ex.Message}", ex);
            return null;
        }
        catch (Exception ex) when (ex is FileLoadException or FileNotFoundException or BadImageFormatException)
        {
            problems.Report($"Plugin refused: {name} {version} cannot be loaded: {ex.Message}", ex);
            return null;
        }

        var modules = new List<IAdapterModule>();
        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAdapterModule).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                problems.Report($"Plugin refused: {name} {version}: the adapter module {type.FullName} needs a public parameterless constructor.");
                return null;
            }

            try
            {
                modules.Add((IAdapterModule)Activator.CreateInstance(type)!);
            }
            catch (TargetInvocationException ex)
            {
                problems.Report($"Plugin refused: {name} {version}: creating {type.FullName} failed: {ex.InnerException?.Message ?? ex.Message}", ex);
                return null;
            }
        }

        if (modules.Count == 0)
        {
            problems.Report($"Plugin refused: {name} {version} ({main}) has no class implementing SyncHub.Adapters.IAdapterModule.");
            return null;
        }

        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var shown = string.IsNullOrWhiteSpace(informational) ? version : informational.Split('+')[0];
        return new LoadedPlugin(name, manifest.AssemblyName, shown, sdk, directory, modules, warnings);
    }
}
