using System.Globalization;
using StackExchange.Redis;
using SyncHub.Load;
using SyncHub.Testing.Redis;

// Sustained webhook intake over HTTP into the real hub (Redis store, separate process) against a bare ASP.NET endpoint
// that only HSETs the body, in alternating rounds in one run; redis-benchmark for the Redis ceiling of the same work;
// and a flood of ten times the channel capacity against a hub with a small channel. See bench/README.md.
var arguments = LoadArguments.Parse(args);
var invariant = CultureInfo.InvariantCulture;

RedisServerFixture? ownServer = null;
var endpoint = arguments.Redis;
if (endpoint is null)
{
    ownServer = new RedisServerFixture();
    await ownServer.InitializeAsync();
    endpoint = ownServer.ConnectionString;
}

try
{
    var admin = ConfigurationOptions.Parse(endpoint);
    admin.AllowAdmin = true;
    await using var redis = await ConnectionMultiplexer.ConnectAsync(admin);
    var server = redis.GetServer(redis.GetEndPoints()[0]);
    var (host, port) = server.EndPoint is System.Net.IPEndPoint ip
        ? (ip.Address.ToString(), ip.Port)
        : (((System.Net.DnsEndPoint)server.EndPoint).Host, ((System.Net.DnsEndPoint)server.EndPoint).Port);
    var run = Guid.NewGuid().ToString("N")[..8];
    var message = LoadRun.Message(arguments.BodyBytes);
    var warmup = TimeSpan.FromSeconds(arguments.Warmup);
    var duration = TimeSpan.FromSeconds(arguments.Duration);
    Console.WriteLine(string.Create(invariant,
        $"redis-server {server.Version} at {host}:{port}; {arguments.Connections} connections; {arguments.Duration} s per run after {arguments.Warmup} s warm-up; " +
        $"{arguments.Rounds} rounds; {arguments.BodyBytes} B message; {Environment.ProcessorCount} cores"));

    // Webhook intake: the hub (auth, validation, idempotency, indexes, outbox, one script per ticket), the bare HSET endpoint,
    // the bare endpoint that runs the creation script (the hub's ceiling) and Node-RED (where Node.js is installed).
    var hubResults = new List<LoadResult>();
    var bareResults = new List<LoadResult>();
    var scriptResults = new List<LoadResult>();
    var nodeRedResults = new List<LoadResult>();
    var hubMicroseconds = new List<double>();
    long hubPeak;
    double? pipelineMean;
    var (nodeRed, nodeRedSkipped) = await NodeRedBaseline.StartAsync(host, port, admin.Password, $"load:{run}:nodered:");
    Console.WriteLine(nodeRedSkipped ?? $"Node-RED {NodeRedBaseline.NodeRedVersion} ready (http in -> function -> redis-command HSET -> http response)");
    var creation = await TicketArguments.TemplateAsync(endpoint, $"load:{run}:script:", message);
    await using (nodeRed)
    await using (var hub = await HubProcess.StartAsync(endpoint, $"load:{run}:hub:"))
    await using (var bare = await BareEndpoint.StartAsync(redis, $"load:{run}:bare:", creation))
    {
        Console.WriteLine(string.Create(invariant, $"hub ready (pid working set {hub.WorkingSet / 1048576.0:F0} MB)"));

        // The sides take turns that rotate from round to round; each side's CPU is its own process's (the bare endpoints
        // share the harness's process with the load generator).
        var sides = new List<(string Label, List<LoadResult> Results, Func<TimeSpan> ProcessorTime, string Process, Uri Address, string Path, string? Bearer)>
        {
            ("bare HSET   ", bareResults, () => TimeSpan.Zero, "hub", bare.Address, "/bare", null),
            ("hub webhook ", hubResults, hub.ProcessorTime, "hub", hub.Address, "/api/intake/web", HubProcess.FormToken),
            ("bare script ", scriptResults, () => TimeSpan.Zero, "hub", bare.Address, "/bare-script", null),
        };
        if (nodeRed is not null)
        {
            sides.Add(("Node-RED    ", nodeRedResults, nodeRed.ProcessorTime, "node", nodeRed.Address, "/nodered", null));
        }

        for (var round = 1; round <= arguments.Rounds; round++)
        {
            for (var turn = 0; turn < sides.Count; turn++)
            {
                var side = sides[(turn + round) % sides.Count];
                var cpu = await CpuShare.StartAsync(server, side.ProcessorTime, side.Process);
                var result = await LoadRun.RunAsync(side.Address, side.Path, side.Bearer, arguments.Connections, warmup, duration, $"{run}-{side.Label.TrimEnd().Replace(' ', '-')}-{round}", message);
                var shares = await cpu.StopAsync(result.Rate);
                side.Results.Add(result);
                if (ReferenceEquals(side.Results, hubResults))
                {
                    hubMicroseconds.Add(shares.ProcessMicroseconds);
                }

                Console.WriteLine($"round {round}: {side.Label}  {result}  CPU: {shares}");
            }
        }

        hubPeak = hub.PeakWorkingSet;
        pipelineMean = await PipelineMeanAsync(hub.Address);
    }

    // The cost of WAIT: the same hub with SyncHub:Redis:MinReplicasAcked = 1 against a replica of the same Redis.
    var waitResults = new List<LoadResult>();
    if (arguments.Replica)
    {
        // The webhook rounds' keys (gigabytes after long runs) are done with: the replica's first sync copies only the rest.
        foreach (var side in new[] { "hub", "bare", "nodered" })
        {
            await ForgetAsync(server, redis, $"load:{run}:{side}:");
        }

        await using var replica = await ReplicaProcess.StartAsync(host, port, admin.Password);
        await using var waitingHub = await HubProcess.StartAsync(endpoint, $"load:{run}:wait:", new Dictionary<string, string> { ["SyncHub:Redis:MinReplicasAcked"] = "1" });
        for (var round = 1; round <= arguments.Rounds; round++)
        {
            var cpu = await CpuShare.StartAsync(server, waitingHub.ProcessorTime);
            var result = await LoadRun.RunAsync(waitingHub.Address, "/api/intake/web", HubProcess.FormToken, arguments.Connections, warmup, duration, $"{run}-wait-{round}", message);
            waitResults.Add(result);
            Console.WriteLine($"round {round}: hub + WAIT 1  {result}  CPU: {await cpu.StopAsync(result.Rate)}");
        }
    }

    // redis-benchmark: the same commands with the same number of clients, straight at Redis.
    var form = LoadRun.Form("rb-__rand_int__", message);
    var hset = await RedisBenchmark.RunAsync(host, port, admin.Password, arguments.Connections, arguments.BenchmarkRequests,
        ["HSET", $"load:{run}:rb:hset:__rand_int__", "body", form]);
    var (script, scriptArguments) = await TicketArguments.BuildAsync(endpoint, $"load:{run}:rb:", message);
    var sha = Convert.ToHexStringLower(await server.ScriptLoadAsync(script));
    var evalsha = await RedisBenchmark.RunAsync(host, port, admin.Password, arguments.Connections, arguments.BenchmarkRequests / 2,
        ["EVALSHA", sha, "0", .. scriptArguments]);

    // Flood: ten times the channel capacity in concurrent submissions against a hub with a small channel and few workers.
    var floodConnections = arguments.FloodCapacity * 10;
    LoadResult flood;
    IReadOnlyList<(TimeSpan At, long Bytes)> floodMemory;
    long floodIdle;
    long floodPeak;
    await using (var floodHub = await HubProcess.StartAsync(endpoint, $"load:{run}:flood:", new Dictionary<string, string>
    {
        ["SyncHub:Pipeline:Capacity"] = arguments.FloodCapacity.ToString(invariant),
        ["SyncHub:Pipeline:Workers"] = arguments.FloodWorkers.ToString(invariant),
        ["SyncHub:Pipeline:WebhookEnqueueTimeout"] = "00:00:00.050",
        ["SyncHub:Pipeline:RetryAfter"] = "00:00:01",
    }))
    {
        floodIdle = floodHub.WorkingSet;
        await using (var sampler = new MemorySampler(() => floodHub.WorkingSet, TimeSpan.FromMilliseconds(250)))
        {
            flood = await LoadRun.RunAsync(floodHub.Address, "/api/intake/web", HubProcess.FormToken, floodConnections, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(arguments.FloodDuration), $"{run}-flood", message);
            floodMemory = sampler.Samples;
        }

        floodPeak = floodHub.PeakWorkingSet;
    }

    var hubRate = Median(hubResults.Select(r => r.Rate));
    var bareRate = Median(bareResults.Select(r => r.Rate));
    var hubP50 = Median(hubResults.Select(r => r.Percentile(50)));
    var hubP99 = Median(hubResults.Select(r => r.Percentile(99)));
    var bareP99 = Median(bareResults.Select(r => r.Percentile(99)));
    Console.WriteLine();
    Console.WriteLine(string.Create(invariant, $"webhook intake (hub, Redis store, everything on):  {hubRate,9:N0} tickets/s  p50 {hubP50:F2} ms  p99 {hubP99:F2} ms (median of {hubResults.Count})"));
    Console.WriteLine(string.Create(invariant, $"bare ASP.NET endpoint (HSET the body):            {bareRate,9:N0} requests/s  p99 {bareP99:F2} ms"));
    Console.WriteLine(string.Create(invariant, $"ratio hub / bare: {hubRate / bareRate:F2}x (target >= 0.5x); hub p99 {hubP99:F2} ms at {arguments.Connections} connections (target < 25 ms)"));
    var scriptRate = Median(scriptResults.Select(r => r.Rate));
    Console.WriteLine(string.Create(invariant,
        $"bare endpoint running the creation script:        {scriptRate,9:N0} requests/s  p99 {Median(scriptResults.Select(r => r.Percentile(99))):F2} ms: {scriptRate / bareRate:F2}x bare HSET (the most any hub that stores the ticket in one script call reaches here)"));
    Console.WriteLine(string.Create(invariant,
        $"ratio hub / bare script: {hubRate / scriptRate:F2}x; hub CPU per request {Median(hubMicroseconds):F1} us (median of {hubMicroseconds.Count})"));
    if (nodeRedResults.Count > 0)
    {
        var nodeRedRate = Median(nodeRedResults.Select(r => r.Rate));
        Console.WriteLine(string.Create(invariant, $"Node-RED {NodeRedBaseline.NodeRedVersion} (http in -> redis HSET):      {nodeRedRate,9:N0} requests/s  p99 {Median(nodeRedResults.Select(r => r.Percentile(99))):F2} ms"));
        Console.WriteLine(string.Create(invariant, $"ratio hub / Node-RED: {hubRate / nodeRedRate:F2}x (target >= 4x)"));
    }
    else
    {
        Console.WriteLine(nodeRedSkipped);
    }

    if (waitResults.Count > 0)
    {
        var waitRate = Median(waitResults.Select(r => r.Rate));
        Console.WriteLine(string.Create(invariant,
            $"hub with MinReplicasAcked=1 (WAIT for one replica):  {waitRate,9:N0} tickets/s  p99 {Median(waitResults.Select(r => r.Percentile(99))):F2} ms: {waitRate / hubRate:F2}x the hub without WAIT"));
    }

    Console.WriteLine(string.Create(invariant, $"redis-benchmark -c {arguments.Connections} HSET (the bare endpoint's command):      {Rate(hset)} requests/s; bare endpoint / HSET = {Ratio(bareRate, hset)}"));
    Console.WriteLine(string.Create(invariant, $"redis-benchmark -c {arguments.Connections} EVALSHA (the hub's creation script):    {Rate(evalsha)} requests/s; hub / EVALSHA = {Ratio(hubRate, evalsha)}"));
    Console.WriteLine(string.Create(invariant, $"hub peak working set (VmHWM) over the webhook rounds: {hubPeak / 1048576.0:F0} MB"));
    if (pipelineMean is { } mean)
    {
        Console.WriteLine(string.Create(invariant, $"hub pipeline (channel + policies + store call, synchub_pipeline_duration_seconds) mean: {mean * 1000:F2} ms of the request's p50 {hubP50:F2} ms"));
    }

    var measured = floodMemory.Where(s => s.At >= TimeSpan.FromSeconds(2)).ToList();
    var quarter = Math.Max(1, measured.Count / 4);
    var early = measured.Take(quarter).Average(s => s.Bytes) / 1048576.0;
    var late = measured.TakeLast(quarter).Average(s => s.Bytes) / 1048576.0;
    var unavailable = flood.Statuses.TryGetValue(503, out var refused) ? refused : 0;
    Console.WriteLine(string.Create(invariant,
        $"flood: capacity {arguments.FloodCapacity}, {arguments.FloodWorkers} workers, {floodConnections} connections for {arguments.FloodDuration} s: {flood.StatusSummary}; " +
        $"503 with Retry-After: {flood.RetryAfterAnswers:N0} of {unavailable:N0}; accepted {flood.Rate:N0} tickets/s, p99 of 201s {flood.Percentile(99):F2} ms"));
    var verdict = late <= (early * 1.15) + 8 ? "flat" : "GROWING";
    Console.WriteLine(string.Create(invariant,
        $"flood working set: idle {floodIdle / 1048576.0:F0} MB, first quarter {early:F0} MB, last quarter {late:F0} MB, peak {floodPeak / 1048576.0:F0} MB -> {verdict}"));

    if (arguments.Redis is not null)
    {
        await ForgetAsync(server, redis, $"load:{run}:");
    }

    return 0;
}
finally
{
    if (ownServer is not null)
    {
        await ownServer.DisposeAsync();
    }
}

// The mean of the hub's own enqueue-to-stored histogram, from its Prometheus endpoint.
static async Task<double?> PipelineMeanAsync(Uri hub)
{
    using var client = new HttpClient { BaseAddress = hub };
    var text = await client.GetStringAsync("/metrics");
    double sum = 0, count = 0;
    foreach (var line in text.Split('\n'))
    {
        var value = line.Split(' ') is [.., var last] && double.TryParse(last, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (line.StartsWith("synchub_pipeline_duration_seconds_sum", StringComparison.Ordinal))
        {
            sum += value;
        }
        else if (line.StartsWith("synchub_pipeline_duration_seconds_count", StringComparison.Ordinal))
        {
            count += value;
        }
    }

    return count > 0 ? sum / count : null;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Rate(double? rate) => rate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "(redis-benchmark not found: apt-get install redis-tools)";

static string Ratio(double rate, double? baseline) => baseline is { } b && b > 0 ? (rate / b).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";

static async Task ForgetAsync(IServer server, ConnectionMultiplexer redis, string prefix)
{
    var database = redis.GetDatabase();
    var batch = new List<RedisKey>(1000);
    await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 1000))
    {
        batch.Add(key);
        if (batch.Count == 1000)
        {
            await database.KeyDeleteAsync([.. batch]);
            batch.Clear();
        }
    }

    if (batch.Count > 0)
    {
        await database.KeyDeleteAsync([.. batch]);
    }
}
