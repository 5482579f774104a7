using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Xunit;

namespace SyncHub.Testing.Redis;

/// <summary>
/// A local Redis Cluster of three masters (real <c>redis-server --cluster-enabled yes</c> processes on loopback ports,
/// joined with <c>redis-cli --cluster create</c>), for running the store contracts in cluster mode. Each test gets a key
/// prefix with a hash tag of its own (<see cref="NewPrefix"/>), so one deployment's keys share a slot and the tests'
/// deployments spread over the three shards.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    public const string MissingToolsMessage = "redis-server and redis-cli are not installed: apt-get install -y redis-server";

    private readonly List<Process> nodes = [];
    private DirectoryInfo? directory;
    private ConnectionMultiplexer? connection;
    private int prefixes;

    public IReadOnlyList<int> Ports { get; private set; } = [];

    /// <summary>The three masters, as a StackExchange.Redis configuration string (the client finds the slots itself).</summary>
    public string ConnectionString => string.Join(",", Ports.Select(p => $"127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>A cluster-aware connection with admin commands allowed.</summary>
    public IConnectionMultiplexer Connection => connection ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A key prefix with a hash tag no other test uses: <c>{c12-1a2b3c4d}:</c>.</summary>
    public string NewPrefix() =>
        $"{{c{Interlocked.Increment(ref prefixes).ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}}}:";

    /// <summary>The master that holds the slot of <paramref name="key"/>.</summary>
    public IServer ServerOf(string key) =>
        Connection.GetServer(Connection.GetEndPoints().First(e => Connection.GetServer(e).IsConnected &&
            !Connection.GetServer(e).IsReplica &&
            Connection.GetServer(e).ClusterConfiguration?.GetBySlot(key)?.EndPoint?.ToString() == e.ToString()));

    public async Task InitializeAsync()
    {
        var server = RedisProcesses.Find("redis-server");
        var cli = RedisProcesses.Find("redis-cli");
        if (server is null || cli is null)
        {
            throw new InvalidOperationException(MissingToolsMessage);
        }

        directory = Directory.CreateTempSubdirectory("synchub-cluster-");
        Ports = [RedisProcesses.FreePort(), RedisProcesses.FreePort(), RedisProcesses.FreePort()];
        foreach (var port in Ports)
        {
            var data = Directory.CreateDirectory(Path.Combine(directory.FullName, port.ToString(CultureInfo.InvariantCulture))).FullName;
            nodes.Add(RedisProcesses.Start(server, [
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", data, "--save", "", "--appendonly", "no",
                "--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(data, "nodes.conf"), "--cluster-node-timeout", "5000"]));
        }

        await WaitAsync(async () => (await RunAsync(cli, ["-p", Ports[2].ToString(CultureInfo.InvariantCulture), "PING"])).Contains("PONG", StringComparison.Ordinal), "the cluster nodes did not start");
        var created = await RunAsync(cli, ["--cluster", "create", .. Ports.Select(p => $"127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}"), "--cluster-yes"]);
        if (!created.Contains("All 16384 slots covered", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed: {created}");
        }

        await WaitAsync(async () => (await RunAsync(cli, ["-p", Ports[0].ToString(CultureInfo.InvariantCulture), "CLUSTER", "INFO"])).Contains("cluster_state:ok", StringComparison.Ordinal), "the cluster did not reach state ok");
        var options = ConfigurationOptions.Parse(ConnectionString);
        options.AllowAdmin = true;
        connection = await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        await RedisProcesses.StopAsync(nodes);

        try
        {
            directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp dir is cleaned by the system later.
        }
    }


    private static async Task<string> RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await error;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string failure)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            if (started.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException(failure);
            }

            await Task.Delay(100);
        }
    }


}
