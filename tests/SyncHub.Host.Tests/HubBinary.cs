using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SyncHub.Host.Tests;

/// <summary>
/// The built <c>synchub</c> binary run as an operator runs it (<c>dotnet synchub.dll ...</c>), configured through
/// environment variables only (<c>SyncHub:Api:Keys:0</c> becomes <c>SyncHub__Api__Keys__0</c>); none of the test
/// process's own address or environment variables leak in. Collects every line it writes.
/// </summary>
internal sealed class HubBinary : IAsyncDisposable
{
    private static readonly string[] Inherited = ["ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private HubBinary(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => [.. lines];

    public string Output => string.Join(Environment.NewLine, lines);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts the binary; console logging is on unless <paramref name="environment"/> says otherwise.</summary>
    public static HubBinary Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "synchub.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["SyncHub__Logging__Console"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new HubBinary(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs the binary to its end (bounded); returns its exit code and every line it wrote.</summary>
    public static async Task<(int Code, IReadOnlyList<string> Lines)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var hub = Start(args, environment);
        await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (hub.ExitCode, hub.Lines);
    }

    /// <summary>Settings that start the hub in the Testing environment with the in-memory store (as <see cref="HubServer"/>).</summary>
    public static Dictionary<string, string?> TestingSettings()
    {
        var settings = HubServer.DefaultSettings();
        settings["SyncHub:Logging:Console"] = "true";
        return settings;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);

        // The last lines may still be on their way through the output pipes.
        process.WaitForExit();
    }

    /// <summary>Waits (bounded) for a line matching <paramref name="match"/>; fails with the output when the hub exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            Assert.False(process.HasExited, $"the hub exited:{Environment.NewLine}{Output}");
            Assert.True(started.Elapsed < timeout, $"no such line within {timeout}:{Environment.NewLine}{Output}");
            await Task.Delay(100);
        }
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

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
