using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SyncHub.Host.Configuration;
using SyncHub.Testing.Redis;

namespace SyncHub.Host.Tests;

/// <summary>
/// The container: the image cannot be built here, so the Dockerfile and the compose file are checked against each other
/// and the settings, and the built hub is started with the image's environment (read from the Dockerfile) to show it
/// serves on every interface, where the published port and the health check reach it.
/// </summary>
public sealed class ContainerTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public void Dockerfile_ComposeAndSettings_AgreeOnAddressPortHealthCheckAndStopTimeout()
    {
        var files = ContainerFiles.Read();
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "SyncHub.Host", "appsettings.json"))).RootElement;

        // The image listens on every interface of its port, and the settings file does not take it back to loopback.
        var urls = new Uri(files.Env["ASPNETCORE_URLS"]);
        Assert.Equal("0.0.0.0", urls.Host);
        Assert.Equal("Production", files.Env["DOTNET_ENVIRONMENT"]);
        Assert.False(settings.TryGetProperty("Urls", out _), "appsettings.json must not name an address: it would override ASPNETCORE_URLS");
        Assert.False(settings.TryGetProperty("Kestrel", out _), "appsettings.json must not name Kestrel endpoints: they would override ASPNETCORE_URLS");
        Assert.Equal([urls.Port], files.Exposed);

        // The health check is the binary's own probe without a URL (it follows ASPNETCORE_URLS to the container's name).
        Assert.Equal([files.EntryPoint[0], "healthcheck"], files.HealthCheck);
        Assert.Empty(files.ComposeHealthCheck);

        // Compose publishes that port, builds from the repository root with that Dockerfile, and does not move the address.
        Assert.NotEmpty(files.ComposePorts);
        Assert.All(files.ComposePorts, p => Assert.Equal(urls.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Split(':')[^1]));
        Assert.DoesNotContain(files.ComposeEnvironment.Keys, k => k.EndsWith("URLS", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Kestrel", StringComparison.OrdinalIgnoreCase) || k.EndsWith("HTTP_PORTS", StringComparison.Ordinal));
        Assert.Equal(("..", "compose/Dockerfile"), (files.BuildContext, files.Dockerfile));
        Assert.Equal("Redis", files.ComposeEnvironment["SyncHub__Store"]);

        // A stop may take SyncHub:ShutdownTimeout; compose waits as long before it kills.
        var shutdown = TimeSpan.Parse(settings.GetProperty("SyncHub").GetProperty("ShutdownTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{(int)shutdown.TotalSeconds}s", files.StopGracePeriod);
    }

    [Fact]
    public void DockerIgnore_LeavesLocalBuildOutputTestResultsAndHistoryOutOfTheImage()
    {
        var ignored = File.ReadLines(Path.Combine(Repository.Root, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/TestResults/", ignored);
        Assert.Contains(".git/", ignored);
    }

    [Fact]
    public async Task ImageEnvironment_BuiltHubServesOnEveryInterfaceAndItsHealthCheckPasses()
    {
        var files = ContainerFiles.Read();
        var port = HubBinary.FreePort();
        var environment = files.Env.ToDictionary(e => e.Key, e => (string?)e.Value);

        // The image's address on a free port of this shared machine; compose's settings with the test's Redis and secrets.
        environment["ASPNETCORE_URLS"] = new UriBuilder(files.Env["ASPNETCORE_URLS"]) { Port = port }.Uri.ToString().TrimEnd('/');
        foreach (var (key, value) in files.ComposeEnvironment)
        {
            environment[key] = value.StartsWith("${", StringComparison.Ordinal) ? "test-secret-value-1" : value;
        }

        environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        environment["SyncHub__Redis__KeyPrefix"] = redis.NewPrefix();

        await using var hub = HubBinary.Start([], environment);
        var ready = await hub.WaitForLineAsync(l => l.Contains("SyncHub ready on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.Contains($"http://0.0.0.0:{port}", ready, StringComparison.Ordinal);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var address in NonLoopbackAddresses().Append(IPAddress.Loopback))
        {
            using var response = await client.GetAsync(new Uri($"http://{address}:{port}/health/ready"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (code, lines) = await HubBinary.RunAsync(files.HealthCheck[1..], environment);
        Assert.Equal(0, code);
        Assert.Equal($"200 http://{Dns.GetHostName()}:{port}/health/ready", Assert.Single(lines));
    }

    [Fact]
    public void BuiltHub_ThreadPoolThreadsBlockWithoutSpinning()
    {
        // What `dotnet synchub.dll` (and so the image and the systemd unit) runs with: an idle thread-pool thread blocks at
        // once instead of spinning for work first, which cost the hub about a sixth of its CPU per webhook request.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "synchub.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void BareRun_ListensOnLoopbackPort8080()
    {
        using var app = SyncHubApp.Build(["--environment", "Testing"], b => b.Configuration.AddInMemoryCollection(HubServer.DefaultSettings()));

        Assert.Equal("http://127.0.0.1:8080", app.Configuration["urls"]);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:9000")]
    [InlineData("http_ports", "9000")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:9000")]
    public void Address_FromTheEnvironmentOrCommandLine_WinsOverTheDefault(string key, string value)
    {
        using var app = SyncHubApp.Build(["--environment", "Testing"], b => b.Configuration.AddInMemoryCollection(HubServer.DefaultSettings()).AddInMemoryCollection([new(key, value)]));

        Assert.NotEqual(ListenAddress.Default, app.Configuration["urls"]);
    }

    [Theory]
    [InlineData("URLS", "http://0.0.0.0:8080", "http://{host}:8080/health/ready")]
    [InlineData("ASPNETCORE_URLS", "http://+:9000;https://+:9001", "http://{host}:9000/health/ready")]
    [InlineData("ASPNETCORE_URLS", "http://10.1.2.3:8080", "http://10.1.2.3:8080/health/ready")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "8081", "http://{host}:8081/health/ready")]
    [InlineData("OTHER", "x", "http://127.0.0.1:8080/health/ready")]
    public void HealthUrl_FromTheEnvironment_IsTheAddressClientsUse(string variable, string value, string expected)
    {
        var url = ListenAddress.HealthUrl(name => name == variable ? value : null);

        Assert.Equal(expected.Replace("{host}", Dns.GetHostName(), StringComparison.Ordinal), url);
    }

    private static IEnumerable<IPAddress> NonLoopbackAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
