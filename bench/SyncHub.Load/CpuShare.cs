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

    /// <summary>The shares since <see cref="StartAsync"/>; <paramref name="rate"/> (requests per second) gives the CPU per request.</summary>
    public async Task<Shares> StopAsync(double rate)
    {
        var elapsed = clock.Elapsed.TotalSeconds;
        var redis = (await RedisCpuAsync(server) - redisBefore).TotalSeconds / elapsed;
        var hubCores = (hub() - hubBefore).TotalSeconds / elapsed;
        var harness = (Process.GetCurrentProcess().TotalProcessorTime - harnessBefore).TotalSeconds / elapsed;
        return new Shares(name, redis, hubCores, harness, rate);
    }

    /// <summary>Cores used by redis-server, the process under load and the harness, over a run of <c>Rate</c> requests per second.</summary>
    public sealed record Shares(string Name, double Redis, double Process, double Harness, double Rate)
    {
        /// <summary>The process's CPU per request (0 for a side that runs in the harness).</summary>
        public double ProcessMicroseconds => Rate > 0 ? Process / Rate * 1e6 : 0;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"redis-server {Redis:F2} ({(Rate > 0 ? Redis / Rate * 1e6 : 0):F0} us/request), {Name} {Process:F2}{(Process > 0 ? $" ({ProcessMicroseconds:F0} us/request)" : "")}, harness {Harness:F2} cores");
    }

    private static async Task<TimeSpan> RedisCpuAsync(IServer server)
    {
        var info = (await server.InfoAsync("cpu")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return TimeSpan.FromSeconds(double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture));
    }
}
