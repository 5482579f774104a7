using System.Reflection;
using System.Security.Cryptography;

namespace SyncHub.Host;

/// <summary>
/// The dashboard's static files, embedded in the host assembly under <c>dashboard/</c> (see the csproj) and
/// read once at start, so the page works from a single-file publish and needs no web root on disk.
/// </summary>
internal sealed class DashboardAssets
{
    public const string ResourcePrefix = "dashboard/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly Dictionary<string, DashboardAsset> assets;

    private DashboardAssets(Dictionary<string, DashboardAsset> assets) => this.assets = assets;

    public int Count => assets.Count;

    /// <summary>Reads every embedded file under <see cref="ResourcePrefix"/>; a file type the dashboard does not serve is an error.</summary>
    public static DashboardAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            path = path[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType))
            {
                throw new InvalidOperationException($"The dashboard cannot serve {path}: no content type for its extension");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"";
            assets[path] = new DashboardAsset(path, content, contentType, etag);
        }

        return new DashboardAssets(assets);
    }

    public bool TryGet(string path, out DashboardAsset asset) => assets.TryGetValue(path, out asset!);
}
