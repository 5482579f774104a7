using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SyncHub.Adapters;
using SyncHub.Host.Commands;
using SyncHub.Host.Plugins;
using SyncHub.Testing.Doubles;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncHub.Host.Tests;

/// <summary>
/// Third-party adapters loaded from a plugins folder: the JsonFeed example plugin (its build output, copied by this
/// project's build into <c>plugin-builds/JsonFeed</c>, never referenced) and a plugin assembly written here whose
/// metadata says it was compiled against SDK 2.0.
/// </summary>
public sealed class PluginTests : IDisposable
{
    private static readonly string JsonFeedBuild = Path.Combine(AppContext.BaseDirectory, "plugin-builds", "JsonFeed");

    private readonly DirectoryInfo plugins = Directory.CreateTempSubdirectory("synchub-plugins-");
    private readonly WireMockServer feed = WireMockServer.Start();

    public void Dispose()
    {
        feed.Stop();
        try
        {
            plugins.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }

    [Fact]
    public async Task Plugin_JsonFeedInThePluginsFolder_LoadsInItsOwnContextAndTicketsArriveFromTheFeed()
    {
        CopyJsonFeed();
        WritePluginAssembly("Legacy", new Version(2, 0, 0, 0)); // its adapter is not enabled: never even read
        ServeFeed(Request(101, "Export fails at 80%", "Email"), Request(102, "Cannot add a second admin", null));

        await using var hub = await HubServer.StartAsync(FeedSettings());

        var tickets = await WaitForTicketsAsync(hub, 2);
        Assert.All(tickets, t => Assert.Equal("JsonFeed", t.GetProperty("source").GetString()));
        var first = tickets.Single(t => t.GetProperty("externalId").GetString() == "101");
        Assert.Equal("Export fails at 80%", first.GetProperty("subject").GetString());
        Assert.Equal("Email", first.GetProperty("channel").GetString());
        Assert.Equal("ana.souza@example.com", first.GetProperty("requester").GetProperty("email").GetString());
        Assert.Equal("Web", tickets.Single(t => t.GetProperty("externalId").GetString() == "102").GetProperty("channel").GetString());

        // Its own load context; the SDK types are the host's.
        var context = AssemblyLoadContext.All.Single(c => c.Assemblies.Any(a => a.Location.StartsWith(plugins.FullName, StringComparison.Ordinal)));
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal("plugin:SyncHub.Adapters.JsonFeed", context.Name);
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "SyncHub.Sdk");
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "SyncHub.Adapters.JsonFeed");
        Assert.DoesNotContain(AssemblyLoadContext.All, c => c.Name == "plugin:Legacy");

        using var ready = await hub.Client.GetAsync("/health/ready");
        var checks = (await hub.JsonAsync(ready)).GetProperty("checks");
        var plugin = checks.GetProperty("plugins").GetProperty("data").GetProperty("JsonFeed");
        Assert.Equal("1.0.0", plugin.GetProperty("version").GetString());
        Assert.Equal(PluginLoader.HostSdkVersion.ToString(3), plugin.GetProperty("sdk").GetString());
        Assert.Equal("JsonFeed", plugin.GetProperty("enabled")[0].GetString());
        Assert.Equal("JsonFeed 1.0.0", checks.GetProperty("plugins").GetProperty("description").GetString());
        Assert.True(checks.GetProperty("pollers").GetProperty("data").TryGetProperty("JsonFeed", out _));

        var metrics = await hub.Client.GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("synchub_plugins{", StringComparison.Ordinal) && l.Contains("plugin=\"JsonFeed\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("synchub_records_total{", StringComparison.Ordinal) && l.Contains("source=\"JsonFeed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plugin_NewItemsInTheFeed_OnlyTheNewOnesBecomeTickets()
    {
        CopyJsonFeed();
        ServeFeed(Request(1, "First", null));
        await using var hub = await HubServer.StartAsync(FeedSettings());
        await WaitForTicketsAsync(hub, 1);

        ServeFeed(Request(3, "Third", null), Request(2, "Second", null), Request(1, "First", null));

        var tickets = await WaitForTicketsAsync(hub, 3);
        Assert.Equal(["1", "2", "3"], tickets.Select(t => t.GetProperty("externalId").GetString()).Order(StringComparer.Ordinal));
        // Records of one page are stored in parallel, so only the earlier poll's ticket is sure to have the lowest number.
        Assert.Equal("First", tickets.OrderBy(t => t.GetProperty("number").GetInt64()).First().GetProperty("subject").GetString());
    }

    [Fact]
    public void Plugin_BuiltAgainstAnotherSdkMajor_IsRefusedWithOneLineNamingBothVersions()
    {
        var path = WritePluginAssembly("Legacy", new Version(2, 0, 0, 0));

        var error = Assert.Throws<StartFailureException>(() => HubServer.Build(new()
        {
            ["SyncHub:Plugins:Path"] = plugins.FullName,
            ["SyncHub:Plugins:Enabled:0"] = "Legacy",
        }));

        var host = PluginLoader.HostSdkVersion;
        Assert.Equal(
            $"Plugin refused: Legacy 3.1.0 was built against SyncHub SDK 2.0.0, this host runs SDK {host.ToString(3)}: the major versions must match; " +
            $"rebuild the plugin against SyncHub.Sdk {host.Major}.x ({path}).",
            error.Message);
        Assert.DoesNotContain(AssemblyLoadContext.All, c => c.Name == "plugin:Legacy");
    }

    [Fact]
    public async Task Plugin_IncompatibleWhenTheHubStarts_ExitsOneWithThatLine()
    {
        WritePluginAssembly("Legacy", new Version(2, 0, 0, 0));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "synchub.dll"), "--urls", "http://127.0.0.1:0", "--environment", "Production"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in HubServer.DefaultSettings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["SyncHub__Logging__Console"] = "true";
        start.Environment["SyncHub__Plugins__Path"] = plugins.FullName;
        start.Environment["SyncHub__Adapters__Legacy__Enabled"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        var lines = (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var refused = Assert.Single(lines, l => l.Contains("Plugin refused", StringComparison.Ordinal));
        Assert.Contains("Legacy 3.1.0 was built against SyncHub SDK 2.0.0, this host runs SDK " + PluginLoader.HostSdkVersion.ToString(3), refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_IncompatiblePlugin_PrintsTheRefusalAndExitsOne()
    {
        WritePluginAssembly("Legacy", new Version(2, 0, 0, 0));
        var settings = HubServer.DefaultSettings();
        settings["SyncHub:Plugins:Path"] = plugins.FullName;
        settings["SyncHub:Plugins:Enabled:0"] = "Legacy";
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await HostCommands.RunAsync(["check-config", "--environment", "Testing"], output, error, b => b.Configuration.AddInMemoryCollection(settings));

        Assert.Equal(1, code);
        Assert.StartsWith("Plugin refused: Legacy 3.1.0 was built against SyncHub SDK 2.0.0", Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HostOfAnotherMajor_RefusesTheRealPluginBeforeLoadingIt()
    {
        CopyJsonFeed();
        var problems = StartProblems.Collecting();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SyncHub:Adapters:JsonFeed:Enabled"] = "true" }).Build();

        var loaded = PluginLoader.Load(new PluginOptions { Path = plugins.FullName }, AppContext.BaseDirectory, configuration, [], problems, hostSdk: new Version(2, 0, 0, 0));

        Assert.Empty(loaded);
        Assert.StartsWith("Plugin refused: JsonFeed 1.0.0 was built against SyncHub SDK 1.1.0, this host runs SDK 2.0.0", Assert.Single(problems.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AdapterNameAlreadyTaken_RefusesThePlugin()
    {
        CopyJsonFeed();
        var problems = StartProblems.Collecting();
        var configuration = new ConfigurationBuilder().Build();

        var loaded = PluginLoader.Load(new PluginOptions { Path = plugins.FullName, Enabled = ["JsonFeed"] }, AppContext.BaseDirectory, configuration, ["JsonFeed"], problems);

        Assert.Empty(loaded);
        Assert.Equal("Plugin refused: JsonFeed has an adapter named JsonFeed, which another adapter already uses (SyncHub:Adapters:JsonFeed).", Assert.Single(problems.Lines));
    }

    [Fact]
    public void Plugin_ListedButAbsent_StopsTheStartNamingTheKey()
    {
        var error = Assert.Throws<StartFailureException>(() => HubServer.Build(new()
        {
            ["SyncHub:Plugins:Path"] = plugins.FullName,
            ["SyncHub:Plugins:Enabled:0"] = "Nowhere",
        }));

        Assert.StartsWith("SyncHub:Plugins: plugin Nowhere: no folder ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugin_NoneConfigured_ReadyListsNoPlugins()
    {
        await using var hub = await HubServer.StartAsync();

        using var ready = await hub.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no plugins loaded", (await hub.JsonAsync(ready)).GetProperty("checks").GetProperty("plugins").GetProperty("description").GetString());
    }

    private Dictionary<string, string?> FeedSettings() => new()
    {
        ["SyncHub:Plugins:Path"] = plugins.FullName,
        ["SyncHub:Adapters:JsonFeed:Enabled"] = "true",
        ["SyncHub:Adapters:JsonFeed:Url"] = feed.Url + "/requests",
        ["SyncHub:Adapters:JsonFeed:Headers:Authorization"] = "Bearer feed-token",
        ["SyncHub:Adapters:JsonFeed:ItemsPath"] = "$.requests",
        ["SyncHub:Adapters:JsonFeed:Fields:ExternalId"] = "$.id",
        ["SyncHub:Adapters:JsonFeed:Fields:Subject"] = "$.summary",
        ["SyncHub:Adapters:JsonFeed:Fields:Body"] = "$.details",
        ["SyncHub:Adapters:JsonFeed:Fields:RequesterName"] = "$.from.name",
        ["SyncHub:Adapters:JsonFeed:Fields:RequesterEmail"] = "$.from.email",
        ["SyncHub:Adapters:JsonFeed:Fields:ReceivedAt"] = "$.openedAt",
        ["SyncHub:Adapters:JsonFeed:Fields:Channel"] = "$.via",
        ["SyncHub:Adapters:JsonFeed:CursorField"] = "$.id",
        ["SyncHub:Adapters:JsonFeed:PollInterval"] = "00:00:00.050",
    };

    private static JsonObject Request(int id, string summary, string? via) => new()
    {
        ["id"] = id,
        ["summary"] = summary,
        ["details"] = $"{summary}. Seen since this morning on our production workspace.",
        ["from"] = new JsonObject { ["name"] = "Ana Souza", ["email"] = "ana.souza@example.com" },
        ["openedAt"] = "2026-03-10T12:00:00Z",
        ["via"] = via,
    };

    private void ServeFeed(params JsonObject[] requests)
    {
        feed.Reset();
        feed.Given(WireMock.RequestBuilders.Request.Create().WithPath("/requests").WithHeader("Authorization", "Bearer feed-token").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(new JsonObject { ["requests"] = new JsonArray(requests) }.ToJsonString()));
    }

    private static async Task<List<JsonElement>> WaitForTicketsAsync(HubServer hub, int count)
    {
        var tickets = new List<JsonElement>();
        await Eventually.WaitUntilAsync(
            () =>
            {
                using var response = hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/tickets?sort=created&limit=50")).Result;
                tickets = [.. response.Content.ReadFromJsonAsync<JsonElement>().Result.GetProperty("items").EnumerateArray()];
                return tickets.Count >= count;
            },
            TimeSpan.FromSeconds(30));
        await Task.Yield();
        return tickets;
    }

    private void CopyJsonFeed()
    {
        Assert.True(File.Exists(Path.Combine(JsonFeedBuild, "SyncHub.Adapters.JsonFeed.dll")), $"the plugin build is missing from {JsonFeedBuild}");
        var target = plugins.CreateSubdirectory("JsonFeed");
        foreach (var file in Directory.EnumerateFiles(JsonFeedBuild))
        {
            File.Copy(file, Path.Combine(target.FullName, Path.GetFileName(file)), overwrite: true);
        }

        Assert.False(File.Exists(Path.Combine(target.FullName, "SyncHub.Sdk.dll")), "a plugin must not ship the SDK");
    }

    /// <summary>
    /// Writes <c>{name}/{name}.dll</c>: an assembly (version 3.1.0) whose class <c>{name}Module</c> implements
    /// <c>SyncHub.Adapters.IAdapterModule</c> of <c>SyncHub.Sdk</c> <paramref name="sdk"/>, which is what the metadata of
    /// an adapter compiled against that SDK holds. The host must refuse it from the metadata alone.
    /// </summary>
    private string WritePluginAssembly(string name, Version sdk)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString($"{name}.dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(name), new Version(3, 1, 0, 0), default, default, default, AssemblyHashAlgorithm.Sha1);
        var runtime = metadata.AddAssemblyReference(
            metadata.GetOrAddString("System.Runtime"),
            new Version(10, 0, 0, 0),
            default,
            metadata.GetOrAddBlob(ImmutableArray.Create<byte>(0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a)),
            default,
            default);
        var sdkReference = metadata.AddAssemblyReference(metadata.GetOrAddString("SyncHub.Sdk"), sdk, default, default, default, default);
        var objectType = metadata.AddTypeReference(runtime, metadata.GetOrAddString("System"), metadata.GetOrAddString("Object"));
        var moduleInterface = metadata.AddTypeReference(sdkReference, metadata.GetOrAddString("SyncHub.Adapters"), metadata.GetOrAddString(nameof(IAdapterModule)));
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        var module = metadata.AddTypeDefinition(
            TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class,
            metadata.GetOrAddString(name),
            metadata.GetOrAddString($"{name}Module"),
            objectType,
            MetadataTokens.FieldDefinitionHandle(1),
            MetadataTokens.MethodDefinitionHandle(1));
        metadata.AddInterfaceImplementation(module, moduleInterface);

        var image = new BlobBuilder();
        new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder()).Serialize(image);
        var path = Path.Combine(plugins.CreateSubdirectory(name).FullName, $"{name}.dll");
        File.WriteAllBytes(path, image.ToArray());
        return path;
    }
}
