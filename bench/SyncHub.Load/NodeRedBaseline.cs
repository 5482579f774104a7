using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace SyncHub.Load;

/// <summary>
/// The low-code baseline: Node-RED 4.1 (<c>node-red</c> and <c>node-red-contrib-redis</c> from the npm registry, installed once
/// into a cache folder) running one flow, http in -> function (key and fields) -> redis-command HSET -> function (201) -> http
/// response, against the same Redis. Like the bare endpoint it has no auth, validation, idempotency, indexes or outbox.
/// </summary>
internal sealed class NodeRedBaseline : IAsyncDisposable
{
    public const string NodeRedVersion = "4.1.15";
    public const string RedisNodesVersion = "1.3.9";

    private readonly Process process;
    private readonly string userDirectory;

    private NodeRedBaseline(Process process, string userDirectory, int port)
    {
        this.process = process;
        this.userDirectory = userDirectory;
        Address = new Uri($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The CPU time the Node-RED process has used so far.</summary>
    public TimeSpan ProcessorTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Installs Node-RED when needed and starts it on a free loopback port; null, with the reason in <paramref name="skipped"/>,
    /// where Node.js or npm is missing or the install fails (the run goes on without this baseline).
    /// </summary>
    public static async Task<(NodeRedBaseline? Baseline, string? Skipped)> StartAsync(string redisHost, int redisPort, string? password, string keyPrefix)
    {
        if (!OnPath("node") || !OnPath("npm"))
        {
            return (null, "Node-RED baseline skipped: Node.js 20+ and npm are not installed (Debian: apt-get install -y nodejs npm)");
        }

        var cache = Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "synchub-bench",
            $"node-red-{NodeRedVersion}");
        var red = Path.Combine(cache, "node_modules", "node-red", "red.js");
        if (!File.Exists(red) || !Directory.Exists(Path.Combine(cache, "node_modules", "node-red-contrib-redis")))
        {
            Directory.CreateDirectory(cache);
            Console.WriteLine($"installing node-red@{NodeRedVersion} and node-red-contrib-redis@{RedisNodesVersion} into {cache} (once)");
            var (code, output) = await RunAsync("npm", ["install", "--prefix", cache, "--no-audit", "--no-fund", "--loglevel=error", $"node-red@{NodeRedVersion}", $"node-red-contrib-redis@{RedisNodesVersion}"], TimeSpan.FromMinutes(5));
            if (code != 0 || !File.Exists(red))
            {
                return (null, $"Node-RED baseline skipped: npm install failed ({code}): {output.Trim()}");
            }
        }

        var user = Directory.CreateTempSubdirectory("synchub-node-red-").FullName;
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(user, "flows.json"), Flow(redisHost, redisPort, password, keyPrefix).ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(user, "settings.js"), $$"""
            module.exports = {
              uiHost: "127.0.0.1",
              uiPort: {{port}},
              flowFile: {{JsonValue.Create(Path.Combine(user, "flows.json")).ToJsonString()}},
              credentialSecret: false,
              httpAdminRoot: false,
              logging: { console: { level: "warn", metrics: false, audit: false } },
              editorTheme: { tours: false }
            };
            """);
        // The install folder is Node-RED's user directory, so it loads node-red-contrib-redis from its node_modules; the flow and
        // the settings are this run's own.
        var start = new ProcessStartInfo("node", [red, "--userDir", cache, "--settings", Path.Combine(user, "settings.js")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var baseline = new NodeRedBaseline(Process.Start(start) ?? throw new InvalidOperationException("node did not start"), user, port);
        if (await baseline.WaitReadyAsync(TimeSpan.FromSeconds(60)) is { } problem)
        {
            await baseline.DisposeAsync();
            return (null, $"Node-RED baseline skipped: {problem}");
        }

        return (baseline, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(userDirectory, recursive: true);
    }

    /// <summary>
    /// http in -> function -> redis-command HSET -> function -> http response, and the Redis connection it uses. The ids are
    /// hex like the editor's: Node-RED takes any property whose value equals a config node's id for a reference to it.
    /// </summary>
    private static JsonArray Flow(string redisHost, int redisPort, string? password, string keyPrefix)
    {
        var options = new JsonObject { ["host"] = redisHost, ["port"] = redisPort };
        if (password is not null)
        {
            options["password"] = password;
        }

        return
        [
            new JsonObject { ["id"] = "5a1c0000000000t1", ["type"] = "tab", ["label"] = "intake" },
            new JsonObject { ["id"] = "5a1c0000000000r1", ["type"] = "redis-config", ["name"] = "load", ["options"] = options.ToJsonString(), ["optionsType"] = "json", ["cluster"] = false },
            new JsonObject { ["id"] = "5a1c0000000000i1", ["type"] = "http in", ["z"] = "5a1c0000000000t1", ["url"] = "/nodered", ["method"] = "post", ["upload"] = false, ["wires"] = new JsonArray(new JsonArray("5a1c0000000000k1")) },
            new JsonObject
            {
                ["id"] = "5a1c0000000000k1", ["type"] = "function", ["z"] = "5a1c0000000000t1", ["outputs"] = 1,
                ["func"] = $"const n = (context.get('n') || 0) + 1; context.set('n', n);\nmsg.id = n;\nmsg.topic = '{keyPrefix}' + n;\nmsg.payload = ['body', JSON.stringify(msg.payload)];\nreturn msg;",
                ["wires"] = new JsonArray(new JsonArray("5a1c0000000000h1")),
            },
            new JsonObject { ["id"] = "5a1c0000000000h1", ["type"] = "redis-command", ["z"] = "5a1c0000000000t1", ["server"] = "5a1c0000000000r1", ["command"] = "hset", ["params"] = "[]", ["block"] = false, ["wires"] = new JsonArray(new JsonArray("5a1c0000000000c1")) },
            new JsonObject
            {
                ["id"] = "5a1c0000000000c1", ["type"] = "function", ["z"] = "5a1c0000000000t1", ["outputs"] = 1,
                ["func"] = "msg.statusCode = 201;\nmsg.payload = { id: msg.id };\nreturn msg;",
                ["wires"] = new JsonArray(new JsonArray("5a1c0000000000o1")),
            },
            new JsonObject { ["id"] = "5a1c0000000000o1", ["type"] = "http response", ["z"] = "5a1c0000000000t1", ["wires"] = new JsonArray() },
        ];
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, tool)));

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}");
        }

        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Null once the flow answers a form with 201; the reason otherwise.</summary>
    private async Task<string?> WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        var last = "no answer";
        while (started.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                return $"node-red exited with code {process.ExitCode} during start";
            }

            try
            {
                using var content = new StringContent(LoadRun.Form("ready", "ready"), System.Text.Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/nodered", content);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return null;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return $"the flow did not answer 201 within {timeout} (last: {last})";
    }
}
