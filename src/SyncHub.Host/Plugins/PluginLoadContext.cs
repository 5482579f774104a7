using System.Reflection;
using System.Runtime.Loader;

namespace SyncHub.Host.Plugins;

/// <summary>
/// One plugin's load context: its own dependencies are resolved from its folder through its <c>.deps.json</c>
/// (<see cref="AssemblyDependencyResolver"/>); the <see cref="SharedAssemblies"/> come from the host's (default) context
/// whatever version the plugin was compiled against, so <c>IAdapterModule</c> in the plugin is the host's type.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext($"plugin:{System.IO.Path.GetFileNameWithoutExtension(mainAssemblyPath)}", isCollectible: false)
{
    private readonly AssemblyDependencyResolver resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (SharedAssemblies.IsShared(assemblyName) && FromHost(assemblyName) is { } shared)
        {
            return shared;
        }

        // Null: the default context gets its chance (a framework assembly the list above does not name).
        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static Assembly? FromHost(AssemblyName assemblyName)
    {
        try
        {
            // By simple name: the host's copy, whatever version the plugin asked for (the SDK major is checked before).
            return Default.LoadFromAssemblyName(new AssemblyName(assemblyName.Name!));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
