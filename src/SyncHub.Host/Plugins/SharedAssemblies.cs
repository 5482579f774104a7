using System.Reflection;

namespace SyncHub.Host.Plugins;

/// <summary>
/// The assemblies a plugin must share with the host, so the types that cross between them are the same types: the SDK
/// (<c>SyncHub.Sdk</c>), Microsoft.Extensions.* (DI, options, configuration, logging, HTTP), ASP.NET Core, Polly, RestSharp
/// (the SDK's <c>ToolHttp</c> hands out its clients) and the framework. Everything else a plugin brings is its own, in its own load context, whatever version the host has.
/// </summary>
internal static class SharedAssemblies
{
    public const string Sdk = "SyncHub.Sdk";

    private static readonly string[] Prefixes = ["Microsoft.Extensions.", "Microsoft.AspNetCore.", "System.", "Microsoft.Win32.", "Polly."];

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        Sdk, "Polly", "RestSharp", "System", "mscorlib", "netstandard", "Microsoft.CSharp", "Microsoft.VisualBasic",
    };

    public static bool IsShared(AssemblyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var simple = name.Name ?? "";
        return Names.Contains(simple) || Prefixes.Any(p => simple.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
