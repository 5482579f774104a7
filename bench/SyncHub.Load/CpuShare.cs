using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace SyncHub.Load;

/// <summary>
/// Where the CPU went during a run (warm-up included), in cores: redis-server (INFO cpu), the hub process, and this
/// harness process (the load generator, plus the bare endpoint when it is the one under load). On a 2-core box it tells
/// which side is the bottleneck.
/// </summary>
internal sealed class CpuShare
{
    private readonly IServer server;
    private readonly Func<TimeSpan> hub;
    private readonly string name;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan redisBefore;
    private TimeSpan hubBefore;
    private TimeSpan harnessBefore;

    private CpuShare(IServer server, Func<TimeSpan> hub, string name)
    {
        this.server = server;
        this.hub = hub;
        this.name = name;
    }

    /// <summary>Starts measuring; <paramref name="hub"/> is the CPU time of the process under load, named <paramref name="name"/>.</summary>
    public static async Task<CpuShare> StartAsync(IServer server, Func<TimeSpan> hub, string name = "hub")
    {
        var share = new CpuShare(server, hub, name);
        share.redisBefore = await RedisCpuAsync(server);
        share.hubBefore = hub();
        share.harnessBefore = Process.GetCurrentProcess().TotalProcessorTime;
        share.clock.Restart();
        return share;
    }

    public async Task<string> StopAsync()
    {
        var elapsed = clock.Elapsed.TotalSeconds;
        var redis = (await RedisCpuAsync(server) - redisBefore).TotalSeconds / elapsed;
        var hubCores = (hub() - hubBefore).TotalSeconds / elapsed;
        var harness = (Process.GetCurrentProcess().TotalProcessorTime - harnessBefore).TotalSeconds / elapsed;
        return string.Create(CultureInfo.InvariantCulture, $"redis-server {redis:F2}, {name} {hubCores:F2}, harness {harness:F2} cores");
    }

    private static async Task<TimeSpan> RedisCpuAsync(IServer server)
    {
        var info = (await server.InfoAsync("cpu")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return TimeSpan.FromSeconds(double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture));
    }
}
