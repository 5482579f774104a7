using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// The hub as production runs it: <c>dotnet synchub.dll</c> in its own process on a loopback port, configured through
/// environment variables, killed with SIGKILL (no stop, no drain) by <see cref="KillAsync"/>.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HubProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the hub wrote (for the failure message when it does not come up).</summary>
    public string Output => string.Join(Environment.NewLine, output);

    public static HubProcess Start(IReadOnlyDictionary<string, string?> settings, int port)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "synchub.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new HubProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (bounded) until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the hub exited during start:{Environment.NewLine}{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Assert.True(started.Elapsed < timeout, $"the hub was not ready within {timeout}:{Environment.NewLine}{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends SIGTERM (what systemd and docker stop send) and returns how long the process took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan bound)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) ?? throw new InvalidOperationException("kill did not start."))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(bound);
        await process.WaitForExitAsync(cancel.Token);
        return watch.Elapsed;
    }

    /// <summary>SIGKILL: the process gets no chance to stop, drain or flush anything.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 60)
        {
            output.TryDequeue(out _);
        }
    }
}
