using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace SyncHub.Bench;

/// <summary>
/// The Redis memory of one round's tickets by key kind, from <c>MEMORY USAGE key SAMPLES 0</c> (every element counted)
/// of every key (the per-ticket and per-word keys of a kind of more than <see cref="SamplePerKind"/>: an even sample,
/// scaled up to their count; the shared keys, such as the vocabulary, always whole), per ticket. The outbox entries are listed apart: a notifier group's acknowledgement lets
/// them be trimmed (<c>SyncHub:Outbox:TrimInterval</c>), and no notifier runs in the bench.
/// </summary>
internal static class MemoryBreakdown
{
    private const int SamplePerKind = 200_000;

    /// <summary>MEMORY USAGE calls in flight at once.</summary>
    private const int Batch = 1_000;

    private const string Outbox = "outbox stream (transient)";

    private static readonly string[] Kinds =
    [
        "ticket (ticket:{id}: header, JSON, first history element)",
        "history list (ticket:{id}:history)",
        Outbox,
        "indexes, sort and SLA sets (index:*, sort:*, sla:*, solved)",
        "search words (w:*, vocab, search:*)",
        "idempotency, numbers, threads, counter",
        "other (ticket:{id}:actions, accounts...)",
    ];

    public static async Task<string> MeasureAsync(IServer server, IDatabase database, string prefix, int tickets)
    {
        var keys = Kinds.ToDictionary(k => k, _ => new List<RedisKey>(), StringComparer.Ordinal);
        await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 1000))
        {
            keys[Kind(((string)key!)[prefix.Length..])].Add(key);
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Redis memory per ticket by key kind (MEMORY USAGE of the last round's keys, {tickets:N0} tickets):"));
        double total = 0;
        double outbox = 0;
        foreach (var kind in Kinds)
        {
            // The keys of one ticket or one word (many, alike) are sampled; the shared ones (vocab, the maps, the
            // indexes: few, each large) are all measured, or a sample could miss most of a kind's memory.
            var all = keys[kind];
            var many = all.Where(k => PerItem(((string)k!)[prefix.Length..])).ToList();
            var stride = Math.Max(1, many.Count / SamplePerKind);
            var sample = many.Where((_, k) => k % stride == 0).ToList();
            var shared = all.Where(k => !PerItem(((string)k!)[prefix.Length..])).ToList();
            var sampleBytes = await UsageAsync(database, sample);
            var bytes = await UsageAsync(database, shared) + (sample.Count == 0 ? 0 : (double)sampleBytes * many.Count / sample.Count);
            var sampled = sample.Count + shared.Count;

            var perTicket = bytes / tickets;
            total += perTicket;
            outbox += kind == Outbox ? perTicket : 0;
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {kind,-62} {perTicket,7:N0} B  ({all.Count:N0} keys, {sampled:N0} measured)");
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {"total",-62} {total,7:N0} B");
        text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {"total without the transient outbox entries",-62} {total - outbox,7:N0} B");
        return text.ToString();
    }

    private static async Task<long> UsageAsync(IDatabase database, List<RedisKey> keys)
    {
        var bytes = 0L;
        foreach (var batch in keys.Chunk(Batch))
        {
            var usages = await Task.WhenAll(batch.Select(key => database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0")));
            bytes += usages.Sum(u => (long)u);
        }

        return bytes;
    }

    /// <summary>Whether a key (after the prefix) belongs to one ticket or one word: one of many alike.</summary>
    private static bool PerItem(string key) =>
        key.StartsWith("ticket:", StringComparison.Ordinal) || key.StartsWith("w:", StringComparison.Ordinal);

    private static string Kind(string key) => key switch
    {
        _ when key.StartsWith("ticket:", StringComparison.Ordinal) && key.EndsWith(":history", StringComparison.Ordinal) => Kinds[1],
        _ when key.StartsWith("ticket:", StringComparison.Ordinal) && key.EndsWith(":actions", StringComparison.Ordinal) => Kinds[6],
        _ when key.StartsWith("ticket:", StringComparison.Ordinal) => Kinds[0],
        "outbox" => Kinds[2],
        "solved" => Kinds[3],
        _ when key.StartsWith("index:", StringComparison.Ordinal) || key.StartsWith("sort:", StringComparison.Ordinal) || key.StartsWith("sla:", StringComparison.Ordinal) => Kinds[3],
        "vocab" => Kinds[4],
        _ when key.StartsWith("w:", StringComparison.Ordinal) || key.StartsWith("search:", StringComparison.Ordinal) => Kinds[4],
        "idempotency" or "numbers" or "threads" or "counter" => Kinds[5],
        _ => Kinds[6],
    };
}
