using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

public sealed class OperationsTests
{
    [Fact]
    public async Task Health_LiveAndReady_Return200WithPerCheckJson()
    {
        await using var hub = await HubServer.StartAsync();

        using var live = await hub.Client.GetAsync("/health/live");
        using var ready = await hub.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await hub.JsonAsync(ready);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("pipeline").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Intake_PipelineSaturated_Returns503WithRetryAfterAndNothingIsLost()
    {
        var store = new GatedTicketStore();
        store.Close();
        await using var hub = await HubServer.StartAsync(
            new()
            {
                ["SyncHub:Pipeline:Capacity"] = "1",
                ["SyncHub:Pipeline:Workers"] = "1",
                ["SyncHub:Pipeline:WebhookEnqueueTimeout"] = "00:00:00.100",
                ["SyncHub:Pipeline:RetryAfter"] = "00:00:07",
            },
            services => services.AddSingleton<ITicketStore>(store));

        var first = hub.Client.SendAsync(hub.Form(Forms.Valid("s-1")));
        await Eventually.WaitUntilAsync(() => store.Entered == 1);
        var second = hub.Client.SendAsync(hub.Form(Forms.Valid("s-2")));
        await Eventually.WaitUntilAsync(() => hub.App.Services.GetRequiredService<Pipeline.IIntakePipeline>().Depth == 1);

        using var refused = await hub.Client.SendAsync(hub.Form(Forms.Valid("s-3")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        store.Open();
        using var a = await first;
        using var b = await second;
        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        using var retried = await hub.Client.SendAsync(hub.Form(Forms.Valid("s-3")));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task Intake_StoreDown_Returns503AndReadyIs503UntilItComesBack()
    {
        var store = new GatedTicketStore { Down = true };
        await using var hub = await HubServer.StartAsync(services: s => s.AddSingleton<ITicketStore>(store));

        using var refused = await hub.Client.SendAsync(hub.Form(Forms.Valid("o-1")));
        using var notReady = await hub.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unhealthy", (await hub.JsonAsync(notReady)).GetProperty("checks").GetProperty("store").GetProperty("status").GetString());

        store.Down = false;
        using var accepted = await hub.Client.SendAsync(hub.Form(Forms.Valid("o-1")));
        using var ready = await hub.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("SyncHub:Pipeline:Capacity", "0", "SyncHub:Pipeline:Capacity")]
    [InlineData("SyncHub:Api:Keys:0", "", "SyncHub:Api:Keys")]
    [InlineData("SyncHub:Adapters:WebForm:Token", "", "SyncHub:Adapters:WebForm:Token")]
    public async Task Start_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        await using var app = HubServer.Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortInUse_OneLineNamingTheAddressAndTheSettingExitsOne()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var line = await FailsWithOneLineAsync(["--urls", address, "--environment", "Testing"], HubBinary.TestingSettings());

        Assert.Contains($"Failed to bind to address {address}: address already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls, ASPNETCORE_URLS or Urls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortInUseAtDebug_AlsoLogsTheStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var settings = HubBinary.TestingSettings();
        settings["Serilog:MinimumLevel:Default"] = "Debug";

        var (code, lines) = await HubBinary.RunAsync(["--urls", $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}", "--environment", "Testing"], settings);

        Assert.Equal(1, code);
        Assert.Contains(lines, l => l.Contains("The start failed", StringComparison.Ordinal) && l.Contains("AddressInUseException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ProductionWithoutRedisConnectionString_OneLineNamingTheKeyExitsOne()
    {
        var settings = HubBinary.TestingSettings();
        settings["SyncHub:Store"] = "Redis";
        settings["ConnectionStrings:Redis"] = "";

        var line = await FailsWithOneLineAsync(["--urls", "http://127.0.0.1:0", "--environment", "Production"], settings);

        Assert.Contains("Configuration error: ConnectionStrings:Redis: is required", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralConfigurationProblems_EveryOneReportedAtOnce()
    {
        var settings = HubBinary.TestingSettings();
        settings["SyncHub:Pipeline:Capacity"] = "0";
        settings["SyncHub:Api:Keys:0"] = "short";
        settings["SyncHub:Sandbox:Enabled"] = "true";

        var (code, lines) = await HubBinary.RunAsync(["--urls", "http://127.0.0.1:0", "--environment", "Production"], settings);

        Assert.Equal(1, code);
        var failures = lines.Where(IsFailure).ToList();
        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, l => l.Contains("SyncHub:Pipeline:Capacity", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("SyncHub:Api:Keys: every API key must have at least 8 characters", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("SyncHub:Sandbox:Enabled", StringComparison.Ordinal));
        AssertNoStackTrace(lines);
    }

    [Fact]
    public async Task Start_PluginThatFailsToLoad_OneLineNamingThePluginExitsOne()
    {
        var plugins = Directory.CreateTempSubdirectory("synchub-broken-plugin-");
        try
        {
            var folder = plugins.CreateSubdirectory("Broken");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Broken.dll"), "not an assembly");
            var settings = HubBinary.TestingSettings();
            settings["SyncHub:Plugins:Path"] = plugins.FullName;
            settings["SyncHub:Plugins:Enabled:0"] = "Broken";

            var line = await FailsWithOneLineAsync(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], settings);

            Assert.Contains($"Plugin refused: Broken ({Path.Combine(folder.FullName, "Broken.dll")}) cannot be read", line, StringComparison.Ordinal);
            Assert.Contains("to start without it, take it out of SyncHub:Plugins:Enabled, or set SyncHub:Adapters:Broken:Enabled=false when that list is empty", line, StringComparison.Ordinal);
        }
        finally
        {
            plugins.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Start_UnknownSetting_WarnsNamingTheNearestKnownKeyAndStarts()
    {
        var settings = HubBinary.TestingSettings();
        settings["SyncHub:Pipline:Capacity"] = "10";

        await using var hub = HubBinary.Start(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], settings);
        await hub.WaitForLineAsync(l => l.Contains("SyncHub ready on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        var warning = Assert.Single(hub.Lines, l => l.Contains("Unknown setting", StringComparison.Ordinal));
        Assert.Contains("Unknown setting: SyncHub:Pipline is not a SyncHub setting; did you mean SyncHub:Pipeline?", warning, StringComparison.Ordinal);
        Assert.Contains("Warning", warning, StringComparison.Ordinal);
    }

    /// <summary>Runs the binary, which must exit 1 with one Error or Fatal line and no stack trace; returns that line.</summary>
    private static async Task<string> FailsWithOneLineAsync(string[] args, Dictionary<string, string?> settings)
    {
        var (code, lines) = await HubBinary.RunAsync(args, settings);

        Assert.Equal(1, code);
        AssertNoStackTrace(lines);
        return Assert.Single(lines, IsFailure);
    }

    /// <summary>A line at Error or Fatal, in the compact JSON of the configured logger or the bootstrap logger's text.</summary>
    private static bool IsFailure(string line) =>
        line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) ||
        line.Contains(" FTL] ", StringComparison.Ordinal) || line.Contains(" ERR] ", StringComparison.Ordinal);

    /// <summary>No stack frames and no exception property: the operator reads the cause, not the call chain.</summary>
    private static void AssertNoStackTrace(IReadOnlyList<string> lines)
    {
        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("\\n   at ", StringComparison.Ordinal) || l.Contains("\"@x\"", StringComparison.Ordinal));
    }
}
