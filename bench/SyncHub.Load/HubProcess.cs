using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SyncHub.Load;

/// <summary>The real hub as production runs it: <c>dotnet synchub.dll</c> in its own process on a loopback port.</summary>
internal sealed class HubProcess : IAsyncDisposable
{
    public const string FormToken = "load-form-token-7f2c";
    public const string ApiKey = "load-api-key-31d9";

    private readonly Process process;

    private HubProcess(Process process, int port)
    {
        this.process = process;
        Port = port;

        // The hub logs to stdout; drain it so it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>The resident set size now (VmRSS).</summary>
    public long WorkingSet
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>The CPU time the hub process has used so far.</summary>
    public TimeSpan ProcessorTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The largest resident set size so far (VmHWM).</summary>
    public long PeakWorkingSet
    {
        get
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    public static async Task<HubProcess> StartAsync(string redis, string keyPrefix, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = FreePort();
        var host = Path.Combine(AppContext.BaseDirectory, "synchub.dll");
        var start = new ProcessStartInfo("dotnet", [host, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = redis,
            ["SyncHub:Redis:KeyPrefix"] = keyPrefix,
            ["SyncHub:Api:Keys:0"] = ApiKey,
            ["SyncHub:Adapters:WebForm:Enabled"] = "true",
            ["SyncHub:Adapters:WebForm:Token"] = FormToken,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var hub = new HubProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
        await hub.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the hub exited with code {process.ExitCode} during start");
            }

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

            await Task.Delay(100);
        }

        throw new TimeoutException($"the hub was not ready within {timeout}");
    }
}
