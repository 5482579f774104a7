using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace SyncHub.Bench;

/// <summary>One timed run: wall time, CPU time of this process and of redis-server, bytes this process allocated.</summary>
internal sealed record Measurement(int Records, TimeSpan Elapsed, TimeSpan ClientCpu, TimeSpan ServerCpu, long Allocated)
{
    public double Rate => Records / Elapsed.TotalSeconds;

    public static async Task<Measurement> TakeAsync(IServer server, int records, Func<Task> run)
    {
        var serverBefore = await ServerCpuAsync(server);
        using var process = Process.GetCurrentProcess();
        var clientBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.StartNew();
        await run();
        var elapsed = started.Elapsed;
        process.Refresh();
        var clientCpu = process.TotalProcessorTime - clientBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var serverCpu = await ServerCpuAsync(server) - serverBefore;
        return new Measurement(records, elapsed, clientCpu, serverCpu, allocated);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rate,9:N0} tickets/s ({Elapsed.TotalSeconds:F2} s; CPU per ticket: hub process {ClientCpu.TotalMicroseconds / Records:F1} us, redis-server {ServerCpu.TotalMicroseconds / Records:F1} us; hub allocations {Allocated / Records:N0} B)");

    private static async Task<TimeSpan> ServerCpuAsync(IServer server)
    {
        var info = (await server.InfoAsync("cpu")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        var seconds = double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(seconds);
    }
}
