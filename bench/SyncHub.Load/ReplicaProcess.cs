using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SyncHub.Load;

/// <summary>A redis-server replica of the run's Redis on a loopback port, for measuring what <c>WAIT</c> costs the hub.</summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo directory;

    private ReplicaProcess(Process process, DirectoryInfo directory)
    {
        this.process = process;
        this.directory = directory;
    }

    public static async Task<ReplicaProcess> StartAsync(string host, int port, string? password)
    {
        var replicaPort = FreePort();
        var directory = Directory.CreateTempSubdirectory("synchub-load-replica-");
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--port", replicaPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory.FullName, "--save", "", "--appendonly", "no",
            "--replicaof", host, port.ToString(CultureInfo.InvariantCulture), .. password is null ? [] : new[] { "--masterauth", password }])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var replica = new ReplicaProcess(process, directory);
        var started = Stopwatch.StartNew();
        while (!await InSyncAsync(replicaPort))
        {
            if (started.Elapsed > TimeSpan.FromSeconds(60))
            {
                await replica.DisposeAsync();
                throw new TimeoutException("the replica did not sync within 60 s");
            }

            await Task.Delay(200);
        }

        return replica;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
        directory.Delete(recursive: true);
    }

    private static async Task<bool> InSyncAsync(int port)
    {
        try
        {
            var options = ConfigurationOptions.Parse($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            options.AllowAdmin = true;
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            var info = await connection.GetServer(connection.GetEndPoints()[0]).InfoAsync("replication");
            return info.SelectMany(g => g).Any(p => p.Key == "master_link_status" && p.Value == "up");
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
