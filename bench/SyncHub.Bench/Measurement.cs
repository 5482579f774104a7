using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace SyncHub.Bench;

/// <summary>One timed run: wall time, this process's CPU time and redis-server's CPU time.</summary>
internal sealed record Measurement(int Records, TimeSpan Elapsed, TimeSpan ClientCpu, TimeSpan ServerCpu)
{
    public double Rate => Records / Elapsed.TotalSeconds;

    public static async Task<Measurement> TakeAsync(IServer server, int records, Func<Task> run)
    {
        var serverBefore = await ServerCpuAsync(server);
        using var process = Process.GetCurrentProcess();
        var clientBefore = process.TotalProcessorTime;
        var started = Stopwatch.StartNew();
        await run();
        var elapsed = started.Elapsed;
        process.Refresh();
        var clientCpu = process.TotalProcessorTime - clientBefore;
        var serverCpu = await ServerCpuAsync(server) - serverBefore;
        return new Measurement(records, elapsed, clientCpu, serverCpu);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rate,9:N0} tickets/s ({Elapsed.TotalSeconds:F2} s; CPU per ticket: hub process {ClientCpu.TotalMicroseconds / Records:F1} us, redis-server {ServerCpu.TotalMicroseconds / Records:F1} us)");

    private static async Task<TimeSpan> ServerCpuAsync(IServer server)
    {
        var info = (await server.InfoAsync("cpu")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        var seconds = double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(seconds);
    }
}
