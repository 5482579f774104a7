using System.Net;

namespace SyncHub.Host.Configuration;

/// <summary>
/// Where the hub listens: where the environment or the command line says (<c>--urls</c>, <c>Urls</c>,
/// <c>ASPNETCORE_URLS</c>/<c>URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>), and
/// <see cref="Default"/>, on loopback only, when nothing does (a bare run on a workstation).
/// </summary>
internal static class ListenAddress
{
    /// <summary>The address of a bare run.</summary>
    public const string Default = "http://127.0.0.1:8080";

    private const string ReadyPath = "/health/ready";

    private static readonly string[] Wildcards = ["0.0.0.0", "*", "+", "[::]", "::"];

    /// <summary>Listens on <see cref="Default"/> unless the configuration names an address, a port or a Kestrel endpoint.</summary>
    public static void UseDefaultUnlessConfigured(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey]) &&
            string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]) &&
            !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(Default);
        }
    }

    /// <summary>
    /// The readiness URL <c>synchub healthcheck</c> probes without an argument: the first address of the environment's
    /// <c>URLS</c> (or <c>HTTP_PORTS</c>), with a listen-everywhere host (<c>0.0.0.0</c>, <c>+</c>, <c>*</c>, <c>[::]</c>)
    /// replaced by this machine's name, which is the address other containers and the published port reach. A hub
    /// listening on loopback only then fails the probe, as it fails its clients.
    /// </summary>
    public static string HealthUrl(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var urls = Variable(environment, "URLS");
        if (urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } first)
        {
            var scheme = first.IndexOf("://", StringComparison.Ordinal);
            var rest = scheme < 0 ? first : first[(scheme + 3)..];
            var colon = rest.LastIndexOf(':');
            var host = colon < 0 ? rest.TrimEnd('/') : rest[..colon];
            var port = colon < 0 ? "80" : rest[(colon + 1)..].TrimEnd('/');
            return $"{(scheme < 0 ? "http" : first[..scheme])}://{(Wildcards.Contains(host) ? Dns.GetHostName() : host)}:{port}{ReadyPath}";
        }

        if (Variable(environment, "HTTP_PORTS")?.Split(';', ',').FirstOrDefault() is { Length: > 0 } httpPort)
        {
            return $"http://{Dns.GetHostName()}:{httpPort.Trim()}{ReadyPath}";
        }

        return Default + ReadyPath;
    }

    /// <summary>The variable as the host reads it: unprefixed first, then <c>ASPNETCORE_</c>, then <c>DOTNET_</c>.</summary>
    private static string? Variable(Func<string, string?> environment, string name) =>
        new[] { name, "ASPNETCORE_" + name, "DOTNET_" + name }.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
