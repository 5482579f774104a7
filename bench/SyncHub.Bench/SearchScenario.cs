using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Redis;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Bench;

/// <summary>
/// <c>--scenario search</c>: loads <c>--records</c> realistic tickets (<see cref="SearchCorpus"/>) into Redis through the
/// store's own creation script (ticket, indexes, search tokens, sort and view sets), then measures
/// <see cref="RedisTicketStore.ListAsync"/> over a mix of searches, one call at a time, and the Redis memory per ticket.
/// </summary>
internal static class SearchScenario
{
    private const int CallsPerQuery = 100;

    public static async Task RunAsync(ConnectionMultiplexer redis, IServer server, string prefix, BenchArguments arguments)
    {
        var now = TimeProvider.System.GetUtcNow();
        var corpus = new SearchCorpus(now);
        var database = redis.GetDatabase();
        var compressFrom = arguments.CompressFrom ?? new RedisStoreOptions().CompressFrom;
        await server.ScriptLoadAsync(RedisScripts.Create.Text);
        var before = await UsedMemoryAsync(server);
        var loaded = (long?)await database.StringGetAsync(prefix + "counter") ?? 0;
        var next = loaded > 0 ? arguments.Records : -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(arguments.InFlight, 256)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < arguments.Records)
            {
                // In the stored form the store writes (compressed from --compress-from bytes).
                await database.ScriptEvaluateAsync(RedisScripts.Create.Hash, null, CreateScriptArgs.Build(prefix, corpus.Ticket(i), out var json, compressFrom));
                json.Dispose();
                if (i % 100_000 == 0 && i > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded {i:N0} tickets ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)"));
                }
            }
        })));
        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var perTicket = loaded > 0 ? (await UsedMemoryAsync(server)) / arguments.Records : (await UsedMemoryAsync(server) - before) / arguments.Records;
        Console.WriteLine(loaded > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{arguments.Records:N0} tickets already under {prefix} (not loaded again); Redis memory per ticket: {perTicket:N0} B (used_memory / tickets, everything in this Redis)")
            : string.Create(CultureInfo.InvariantCulture,
                $"loaded {arguments.Records:N0} tickets in {loadSeconds:F0} s ({arguments.Records / loadSeconds:N0}/s); Redis memory per ticket with the search index, sort and view sets: {perTicket:N0} B (used_memory delta)"));
        var vocabulary = await database.SortedSetLengthAsync(prefix + "vocab");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vocabulary: {vocabulary:N0} tokens"));

        var store = new RedisTicketStore(redis, Options.Create(new RedisStoreOptions { KeyPrefix = prefix, CompressFrom = compressFrom }), NullLogger<RedisTicketStore>.Instance);
        var random = new Random(7);
        string Email() => SearchCorpus.Email((int)Math.Floor(Math.Pow(random.NextDouble(), 2.2) * SearchCorpus.People));
        string Number() => (TicketNumbers.First + random.Next(arguments.Records)).ToString(CultureInfo.InvariantCulture);
        (string Kind, Func<TicketQuery> Query)[] mix =
        [
            ("one word (common)", () => new TicketQuery { Search = "password", Sort = TicketSort.SlaDue }),
            ("one word (rare)", () => new TicketQuery { Search = "gringotts", Sort = TicketSort.SlaDue }),
            ("one word (error code)", () => new TicketQuery { Search = $"e{random.Next(1000, 99999)}", Sort = TicketSort.SlaDue }),
            ("two words", () => new TicketQuery { Search = "invoice contract", Sort = TicketSort.SlaDue }),
            ("two words (rare pair)", () => new TicketQuery { Search = "federation certificate", Sort = TicketSort.SlaDue }),
            ("prefix", () => new TicketQuery { Search = "notif", Sort = TicketSort.SlaDue }),
            ("short prefix", () => new TicketQuery { Search = "ex", Sort = TicketSort.SlaDue }),
            ("e-mail", () => new TicketQuery { Search = Email(), Sort = TicketSort.SlaDue }),
            ("number", () => new TicketQuery { Search = Number() }),
            ("word + status=Open", () => new TicketQuery { Search = "slow", Status = TicketStatus.Open, Sort = TicketSort.SlaDue }),
            ("word + view unassigned", () => new TicketQuery { Search = "upload", Unassigned = true, OpenOnly = true, Sort = TicketSort.SlaDue }),
            ("word + department, priority sort", () => new TicketQuery { Search = "database", Department = Department.PaidSupport, Sort = TicketSort.Priority }),
            ("account name + open", () => new TicketQuery { Search = "acme globex", OpenOnly = true, Sort = TicketSort.Updated }),
            ("view mine (no words)", () => new TicketQuery { Assignees = ["ana"], OpenOnly = true, Sort = TicketSort.SlaDue }),
            ("view at-risk (no words)", () => new TicketQuery { AtRiskAt = now, OpenOnly = true, Sort = TicketSort.SlaDue }),
            ("queue, no filter, sla due", () => new TicketQuery { Sort = TicketSort.SlaDue }),
        ];

        var all = new List<double>();
        foreach (var (kind, query) in mix)
        {
            var latencies = new List<double>(CallsPerQuery);
            var found = 0L;
            var statsBefore = await CommandStatsAsync(server);
            for (var c = 0; c < CallsPerQuery; c++)
            {
                var q = query();
                var t = Stopwatch.GetTimestamp();
                var page = await store.ListAsync(q);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                found += page.Items.Count;
            }

            var statsAfter = await CommandStatsAsync(server);
            var (callsBefore, usecBefore) = statsBefore.GetValueOrDefault("evalsha");
            var (callsAfter, usecAfter) = statsAfter.GetValueOrDefault("evalsha");
            all.AddRange(latencies);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-34} p50 {Percentile(latencies, 0.50),6:F2} ms  p99 {Percentile(latencies, 0.99),6:F2} ms  max {latencies[^1],6:F2} ms  (in Redis {(usecAfter - usecBefore) / Math.Max(1, callsAfter - callsBefore) / 1000.0:F2} ms per call; {found / (double)CallsPerQuery:F1} items per page)"));
            if (arguments.SearchProfile)
            {
                PrintProfile(statsBefore, statsAfter);
            }
        }

        all.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search (limit 50, {arguments.Records:N0} tickets, {all.Count:N0} calls over {mix.Length} queries): p50 {Percentile(all, 0.50):F2} ms, p99 {Percentile(all, 0.99):F2} ms, max {all[^1]:F2} ms (target p99 < 20 ms)"));
    }

    /// <summary>Per command, the calls and the microseconds Redis spent in them so far (INFO commandstats; commands a script runs count too).</summary>
    private static async Task<Dictionary<string, (long Calls, long Usec)>> CommandStatsAsync(IServer server)
    {
        var stats = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var (key, value) in (await server.InfoAsync("commandstats")).SelectMany(g => g))
        {
            var fields = value.Split(',').Select(f => f.Split('=')).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            stats[key.Replace("cmdstat_", "", StringComparison.Ordinal)] =
                (long.Parse(fields["calls"], CultureInfo.InvariantCulture), long.Parse(fields["usec"], CultureInfo.InvariantCulture));
        }

        return stats;
    }

    /// <summary>The commands the query's calls ran inside Redis, most time first, per search call.</summary>
    private static void PrintProfile(Dictionary<string, (long Calls, long Usec)> before, Dictionary<string, (long Calls, long Usec)> after)
    {
        var rows = after
            .Where(s => s.Key is not "evalsha" and not "info")
            .Select(s => (Command: s.Key, Calls: s.Value.Calls - before.GetValueOrDefault(s.Key).Calls, Usec: s.Value.Usec - before.GetValueOrDefault(s.Key).Usec))
            .Where(s => s.Calls > 0)
            .OrderByDescending(s => s.Usec);
        foreach (var (command, calls, usec) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      {command,-16} {calls / (double)CallsPerQuery,10:F1} calls  {usec / (double)CallsPerQuery / 1000.0,7:F2} ms per search"));
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<long> UsedMemoryAsync(IServer server)
    {
        var info = await server.InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }
}
