using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;
using Xunit;

namespace SyncHub.Testing.Redis;

/// <summary>
/// A real redis-server (the Debian package's binary) run as a child process on a free loopback port, with
/// no persistence by default (AOF on request) and its data in a temp dir. Stop and start it again on the same
/// port for fault tests. Tests give each store its own key prefix (<see cref="NewPrefix"/>), so one server
/// serves a whole test assembly.
/// </summary>
public class RedisServerFixture : IAsyncLifetime
{
    public const string MissingBinaryMessage = "redis-server is not installed: apt-get install -y redis-server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly RedisServerOptions options;
    private readonly ConcurrentQueue<string> output = new();
    private string? binary;
    private DirectoryInfo? directory;
    private Process? process;
    private ConnectionMultiplexer? connection;
    private int prefixes;

    public RedisServerFixture()
        : this(new RedisServerOptions())
    {
    }

    protected RedisServerFixture(RedisServerOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}" + (options.Password is { } password ? $",password={password}" : "");

    /// <summary>The server's working directory (holds the AOF when it is on).</summary>
    public string DataDirectory => directory?.FullName ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A shared connection with admin commands allowed (KEYS, INFO, MEMORY) for inspecting the server.</summary>
    public IConnectionMultiplexer Connection => connection ?? throw new InvalidOperationException("The fixture is not initialized.");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Freezes redis-server (SIGSTOP): connections stay open and nothing answers, as with a hung or swapping server.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Lets a paused redis-server run again (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

    /// <summary>A key prefix no other test uses on this server.</summary>
    public string NewPrefix() =>
        $"test{Interlocked.Increment(ref prefixes).ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}:";

    /// <summary>Client options for this server: admin allowed, quick reconnects, no abort when it is down.</summary>
    public ConfigurationOptions ClientOptions()
    {
        var client = ConfigurationOptions.Parse(ConnectionString);
        client.AllowAdmin = true;
        client.AbortOnConnectFail = false;
        client.ReconnectRetryPolicy = new LinearRetry(250);
        return client;
    }

    public async Task InitializeAsync()
    {
        binary = FindBinary() ?? throw new InvalidOperationException(MissingBinaryMessage);
        Port = FreePort();
        directory = Directory.CreateTempSubdirectory("synchub-redis-");
        await StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(ClientOptions());
    }

    /// <summary>Starts the server (again) on the same port and directory and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        process?.Dispose();
        output.Clear();
        process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilAnswersAsync();
        if (connection is not null)
        {
            await WaitUntilAsync(() => connection.IsConnected, "the shared connection did not reconnect");
        }
    }

    /// <summary>Kills the server (as a crash would: no shutdown save) and waits until it is gone.</summary>
    private void Signal(string signal)
    {
        var id = process is { HasExited: false } running ? running.Id : throw new InvalidOperationException("redis-server is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", id.ToString(CultureInfo.InvariantCulture)])) ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
    }

    public async Task StopAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async Task DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        await StopAsync();
        process?.Dispose();
        try
        {
            directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp dir is cleaned by the system later.
        }

        GC.SuppressFinalize(this);
    }

    private static string? FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin", "/usr/sbin"])
            .Select(dir => Path.Combine(dir, "redis-server"));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AnswersPingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);

            // A server with requirepass answers NOAUTH: it is up.
            return answer.StartsWith("+PONG", StringComparison.Ordinal) || answer.StartsWith("-NOAUTH", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(binary!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", DataDirectory,
            "--save", "",
            "--appendonly", options.AppendOnly ? "yes" : "no",
            "--appendfsync", options.AppendFsync,
            "--daemonize", "no",
            "--logfile", "",
            .. options.Password is { } password ? new[] { "--requirepass", password } : [],
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 40)
        {
            output.TryDequeue(out _);
        }
    }

    private async Task WaitUntilAnswersAsync()
    {
        var started = Stopwatch.StartNew();
        while (!await AnswersPingAsync(Port))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"redis-server exited with code {process.ExitCode} on port {Port}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            }

            if (started.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on port {Port} within {StartTimeout}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            }

            await Task.Delay(PollInterval);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            if (started.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(failure);
            }

            await Task.Delay(PollInterval);
        }
    }
}
