using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Xunit;

namespace SyncHub.Testing.Redis;

/// <summary>
/// A replicated Redis watched by Sentinel, all real processes on loopback ports: a primary, two replicas and three
/// sentinels (<c>redis-server --sentinel</c>, which is what Debian's <c>redis-sentinel</c> runs) that fail over after
/// one second without the primary. Two replicas, so that after one node is lost the promoted primary still has a replica
/// to acknowledge writes (<c>SyncHub:Redis:MinReplicasAcked</c> = 1). <see cref="KillPrimaryAsync"/> loses the primary as
/// a machine loss would (SIGKILL, no save).
/// </summary>
public sealed class SentinelFixture : IAsyncLifetime
{
    public const string ServiceName = "synchub";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly List<Process> servers = [];
    private readonly List<Process> sentinels = [];
    private DirectoryInfo? directory;
    private string? binary;

    /// <summary>The data nodes' ports: the primary at start first, then the replicas.</summary>
    public IReadOnlyList<int> DataPorts { get; private set; } = [];

    public IReadOnlyList<int> SentinelPorts { get; private set; } = [];

    /// <summary>The hub's connection string: the sentinels and the service name, as StackExchange.Redis takes them.</summary>
    public string ConnectionString =>
        string.Join(",", SentinelPorts.Select(p => $"127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}")) + $",serviceName={ServiceName}";

    public async Task InitializeAsync()
    {
        binary = RedisProcesses.Find("redis-server") ?? throw new InvalidOperationException(RedisServerFixture.MissingBinaryMessage);
        directory = Directory.CreateTempSubdirectory("synchub-sentinel-");
        var primary = RedisProcesses.FreePort();
        var replicas = new[] { RedisProcesses.FreePort(), RedisProcesses.FreePort() };
        DataPorts = [primary, .. replicas];
        servers.Add(StartServer(primary, null));
        foreach (var replica in replicas)
        {
            servers.Add(StartServer(replica, primary));
            await WaitAsync(() => ReplicaInSyncAsync(replica), "a replica did not sync with the primary");
        }

        var ports = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var port = RedisProcesses.FreePort();
            ports.Add(port);
            var config = Path.Combine(directory.FullName, $"sentinel-{port.ToString(CultureInfo.InvariantCulture)}.conf");
            await File.WriteAllTextAsync(config, string.Join('\n',
                $"port {port.ToString(CultureInfo.InvariantCulture)}",
                "bind 127.0.0.1",
                $"dir {directory.FullName}",
                $"sentinel monitor {ServiceName} 127.0.0.1 {primary.ToString(CultureInfo.InvariantCulture)} 2",
                $"sentinel down-after-milliseconds {ServiceName} 1000",
                $"sentinel failover-timeout {ServiceName} 10000",
                $"sentinel parallel-syncs {ServiceName} 1",
                ""));
            sentinels.Add(Start([config, "--sentinel"]));
        }

        SentinelPorts = ports;
        await WaitAsync(SentinelsSeeEachOtherAsync, "the sentinels did not find the replica and each other");
    }

    /// <summary>The port of the data node the sentinels name as the primary now.</summary>
    public async Task<int> PrimaryPortAsync()
    {
        foreach (var port in SentinelPorts)
        {
            try
            {
                await using var sentinel = await ConnectSentinelAsync(port);
                var address = await sentinel.GetDatabase().ExecuteAsync("SENTINEL", "get-master-addr-by-name", ServiceName);
                return int.Parse((string)((RedisResult[])address!)[1]!, CultureInfo.InvariantCulture);
            }
            catch (RedisConnectionException)
            {
                // Ask the next sentinel.
            }
        }

        throw new InvalidOperationException("no sentinel answered");
    }

    /// <summary>Kills the current primary with SIGKILL and returns its port.</summary>
    public async Task<int> KillPrimaryAsync()
    {
        var port = await PrimaryPortAsync();
        var process = servers[DataPorts.ToList().IndexOf(port)];
        process.Kill();
        await process.WaitForExitAsync();
        return port;
    }

    /// <summary>A direct admin connection to one data node (not through Sentinel).</summary>
    public Task<ConnectionMultiplexer> ConnectAsync(int port)
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        options.AllowAdmin = true;
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    private static Task<ConnectionMultiplexer> ConnectSentinelAsync(int port)
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        options.CommandMap = CommandMap.Sentinel;
        options.TieBreaker = "";
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task DisposeAsync()
    {
        await RedisProcesses.StopAsync(sentinels.Concat(servers));

        try
        {
            directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp dir is cleaned by the system later.
        }
    }

    private Process StartServer(int port, int? replicaOf)
    {
        var data = Directory.CreateDirectory(Path.Combine(directory!.FullName, port.ToString(CultureInfo.InvariantCulture))).FullName;
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", data,
            "--save", "",
            "--appendonly", "no",
            .. replicaOf is { } primary ? new[] { "--replicaof", "127.0.0.1", primary.ToString(CultureInfo.InvariantCulture) } : [],
        ];
        return Start(arguments);
    }

    private Process Start(string[] arguments) => RedisProcesses.Start(binary!, arguments);

    private async Task<bool> ReplicaInSyncAsync(int replica)
    {
        try
        {
            await using var connection = await ConnectAsync(replica);
            var info = await connection.GetServer($"127.0.0.1:{replica.ToString(CultureInfo.InvariantCulture)}").InfoAsync("replication");
            return info.SelectMany(g => g).Any(p => p.Key == "master_link_status" && p.Value == "up");
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }

    private async Task<bool> SentinelsSeeEachOtherAsync()
    {
        foreach (var port in SentinelPorts)
        {
            try
            {
                await using var sentinel = await ConnectSentinelAsync(port);
                var master = (RedisResult[])(await sentinel.GetDatabase().ExecuteAsync("SENTINEL", "master", ServiceName))!;
                var fields = new Dictionary<string, string>();
                for (var i = 0; i + 1 < master.Length; i += 2)
                {
                    fields[(string)master[i]!] = (string)master[i + 1]!;
                }

                if (fields.GetValueOrDefault("num-slaves") != "2" || fields.GetValueOrDefault("num-other-sentinels") != "2")
                {
                    return false;
                }
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string failure)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            if (started.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(failure);
            }

            await Task.Delay(100);
        }
    }


}
