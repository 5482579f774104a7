using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Bench;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Redis;
using SyncHub.Redis.Scripts;
using SyncHub.Testing.Redis;

// Intake throughput: SyncHub (producer -> IntakePipeline -> RedisTicketStore) against a plain
// StackExchange.Redis loop that runs the same creation script with many calls in flight. Both run in
// one process on the same machine, in alternating rounds; the ratio of the medians is what counts.
// See bench/README.md.
const int WarmUpRecords = 5_000;
var arguments = BenchArguments.Parse(args);
var time = TimeProvider.System;

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
    var run = Guid.NewGuid().ToString("N")[..8];
    if (arguments.Scenario == "search")
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"redis-server {server.Version} at {endpoint}; search scenario, {arguments.Records:N0} tickets; {Environment.ProcessorCount} cores"));
        await SearchScenario.RunAsync(redis, server, arguments.SearchPrefix ?? $"bench:{run}:search:", arguments);
        if (arguments.SearchPrefix is null)
        {
            await ForgetAsync(server, redis, $"bench:{run}:");
        }

        return 0;
    }

    var records = BenchRecords.Create(run, arguments.Records, arguments.BodyBytes, arguments.RepeatedBody, time);
    var pipelineDefaults = new PipelineOptions();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"redis-server {server.Version} at {endpoint}; {arguments.Records:N0} records, {arguments.BodyBytes} B body ({(arguments.RepeatedBody ? "one sentence repeated" : "a message of its own each")}); " +
        $"compress from {(arguments.CompressFrom is { } from ? from.ToString(CultureInfo.InvariantCulture) : "default")}; " +
        $"pipeline workers {arguments.Workers ?? arguments.InFlight}, capacity {arguments.Capacity ?? pipelineDefaults.Capacity}; " +
        $"baseline in flight {arguments.InFlight}; {arguments.Rounds} rounds; {Environment.ProcessorCount} cores"));

    // Warm both paths up (JIT, connections, script cache).
    var warmUp = records[..Math.Min(WarmUpRecords, records.Length)];
    await RunBaselineAsync(redis, server, $"bench:{run}:warm-baseline:", warmUp, arguments.InFlight, arguments.CompressFrom);
    await RunSyncHubAsync(endpoint, server, $"bench:{run}:warm-synchub:", warmUp, arguments);
    await ForgetAsync(server, redis, $"bench:{run}:warm-");

    var baselines = new List<Measurement>();
    var hubs = new List<Measurement>();
    var memory = new List<long>();
    var listing = "";
    var breakdown = "";
    var scriptCallsBefore = await ScriptCallsAsync(server);
    for (var round = 1; round <= arguments.Rounds; round++)
    {
        // Alternate which goes first, so neither always meets the fuller allocator or the busier neighbour.
        for (var turn = 0; turn < 2; turn++)
        {
            var prefix = $"bench:{run}:r{round}:";
            if ((turn + round) % 2 == 1)
            {
                var baseline = await RunBaselineAsync(redis, server, prefix + "baseline:", records, arguments.InFlight, arguments.CompressFrom);
                baselines.Add(baseline);
                Console.WriteLine($"round {round}: baseline {baseline}");
            }
            else
            {
                var before = await UsedMemoryAsync(server);
                var hub = await RunSyncHubAsync(endpoint, server, prefix + "synchub:", records, arguments);
                memory.Add((await UsedMemoryAsync(server) - before) / arguments.Records);
                hubs.Add(hub);
                Console.WriteLine($"round {round}: SyncHub  {hub}");
                if (round == arguments.Rounds)
                {
                    listing = await ListingProbe.MeasureAsync(endpoint, prefix + "synchub:", arguments.Records);
                    breakdown = await MemoryBreakdown.MeasureAsync(server, redis.GetDatabase(), prefix + "synchub:", arguments.Records);
                }
            }

            await ForgetAsync(server, redis, prefix);
        }
    }

    var scriptCalls = await ScriptCallsAsync(server);
    var probe = await CompressionProbe.MeasureAsync(endpoint, $"bench:{run}:probe:", records, arguments.CompressFrom ?? new RedisStoreOptions().CompressFrom);
    await ForgetAsync(server, redis, $"bench:{run}:probe:");
    var baselineRate = Median(baselines.Select(m => m.Rate));
    var hubRate = Median(hubs.Select(m => m.Rate));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline (plain SE.Redis, same script, {arguments.InFlight} in flight): {baselineRate,9:N0} tickets/s (median)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SyncHub  (producer -> IntakePipeline -> RedisTicketStore):      {hubRate,9:N0} tickets/s (median)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: {hubRate / baselineRate:F2}x (target >= 0.8x)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"SyncHub CPU per ticket (median of the rounds): hub process {Median(hubs.Select(m => m.ClientCpu.TotalMicroseconds / m.Records)):F1} us, redis-server {Median(hubs.Select(m => m.ServerCpu.TotalMicroseconds / m.Records)):F1} us"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Redis memory per ticket ({arguments.BodyBytes} B body; ticket, history, indexes, search words, idempotency, outbox entry): {Median(memory.Select(m => (double)m)):N0} B (used_memory delta, median; target < 3 KB)"));
    Console.WriteLine(breakdown);
    Console.WriteLine(probe);
    Console.WriteLine(listing);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"script calls during the rounds: EVALSHA {scriptCalls.EvalSha - scriptCallsBefore.EvalSha:N0}, EVAL {scriptCalls.Eval - scriptCallsBefore.Eval:N0}"));
    return 0;
}
finally
{
    if (ownServer is not null)
    {
        await ownServer.DisposeAsync();
    }
}

// The same creation script with pre-built arguments (the values as the hub's store stores them), EVALSHA with `inFlight`
// calls outstanding: the Redis ceiling.
static async Task<Measurement> RunBaselineAsync(ConnectionMultiplexer redis, IServer server, string prefix, IntakeRecord[] records, int inFlight, int? compressFrom)
{
    await using var hub = Hub.Build(redis.Configuration, prefix, new BenchArguments { CompressFrom = compressFrom });
    var factory = hub.GetRequiredService<TicketFactory>();
    var storeOptions = hub.GetRequiredService<IOptions<RedisStoreOptions>>().Value;
    var arguments = new RedisValue[records.Length][];
    for (var i = 0; i < records.Length; i++)
    {
        // The values the store would send, in their stored form (compressed as the hub's store compresses them).
        arguments[i] = CreateScriptArgs.Build(prefix, await factory.CreateAsync(records[i], CancellationToken.None), out _, storeOptions.CompressFrom);
    }

    await server.ScriptLoadAsync(RedisScripts.Create.Text);
    var database = redis.GetDatabase();
    var hash = RedisScripts.Create.Hash;
    var next = -1;
    return await Measurement.TakeAsync(server, records.Length, () => Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < arguments.Length)
        {
            await database.ScriptEvaluateAsync(hash, null, arguments[i]);
        }
    }))));
}

// Producers submit every record through the real pipeline: validation, account lookup, policies, factory, store.
static async Task<Measurement> RunSyncHubAsync(string endpoint, IServer server, string prefix, IntakeRecord[] records, BenchArguments arguments)
{
    await using var hub = Hub.Build(endpoint, prefix, arguments);
    var pipeline = hub.GetRequiredService<IntakePipeline>();
    var options = hub.GetRequiredService<IOptions<PipelineOptions>>().Value;
    await pipeline.StartAsync(CancellationToken.None);
    // Enough producers to keep every worker busy and the channel about half full: never empty, rarely full.
    var producers = options.Workers + (options.Capacity / 2);
    var next = -1;
    var failed = 0;
    var measurement = await Measurement.TakeAsync(server, records.Length, () => Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < records.Length)
        {
            var result = await pipeline.SubmitAsync(records[i]);
            if (result.Outcome != IntakeOutcome.Created)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }))));
    await pipeline.StopAsync(CancellationToken.None);
    return failed == 0 ? measurement : throw new InvalidOperationException($"{failed} records were not created.");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

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

static async Task<long> UsedMemoryAsync(IServer server)
{
    var info = await server.InfoAsync("memory");
    return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
}

static async Task<(long Eval, long EvalSha)> ScriptCallsAsync(IServer server)
{
    var info = (await server.InfoAsync("commandstats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
    return (Calls(info, "cmdstat_eval"), Calls(info, "cmdstat_evalsha"));

    static long Calls(Dictionary<string, string> info, string key) =>
        info.TryGetValue(key, out var value) && value.Split(',')[0] is var calls && calls.StartsWith("calls=", StringComparison.Ordinal)
            ? long.Parse(calls["calls=".Length..], CultureInfo.InvariantCulture)
            : 0;
}
