using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SyncHub.Host.Plugins;

/// <summary>
/// What a plugin assembly says about itself before any of its code is loaded: its name and version and the SyncHub SDK
/// (<c>SyncHub.Sdk</c>) version it was compiled against, read from its metadata.
/// </summary>
internal sealed record PluginManifest(string AssemblyName, Version Version, Version? SdkVersion)
{
    /// <summary>Reads <paramref name="path"/>; null with <paramref name="error"/> when it is not a .NET assembly.</summary>
    public static PluginManifest? TryRead(string path, out string? error)
    {
        error = null;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                error = "is not a .NET assembly";
                return null;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                error = "is a module, not an assembly";
                return null;
            }

            var definition = metadata.GetAssemblyDefinition();
            Version? sdk = null;
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, SharedAssemblies.Sdk))
                {
                    sdk = reference.Version;
                }
            }

            return new PluginManifest(metadata.GetString(definition.Name), definition.Version, sdk);
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error = $"cannot be read: {ex.Message}";
            return null;
        }
    }
}
