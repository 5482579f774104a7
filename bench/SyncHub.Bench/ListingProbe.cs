using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Bench;

/// <summary>List latency over the tickets one run stored: first pages, each filter, combined filters and a deep page.</summary>
internal static class ListingProbe
{
    private const int CallsPerQuery = 200;

    public static async Task<string> MeasureAsync(string endpoint, string prefix, int stored)
    {
        await using var hub = Hub.Build(endpoint, prefix, new BenchArguments());
        var store = hub.GetRequiredService<ITicketStore>();
        TicketQuery[] queries =
        [
            new(),
            new() { Status = TicketStatus.Open },
            new() { Channel = Channel.Phone },
            new() { Channel = Channel.Email, Status = TicketStatus.Open },
            new() { Department = Department.Community, Priority = Priority.Low, Channel = Channel.Chat },
            new() { Priority = Priority.Medium, Status = TicketStatus.Open },
            new() { Cursor = TicketCursor.From(TicketNumbers.First + (stored / 2)) },
            new() { Channel = Channel.AppReview, Cursor = TicketCursor.From(TicketNumbers.First + (stored / 3)) },
        ];

        var latencies = new List<double>(queries.Length * CallsPerQuery);
        foreach (var query in queries)
        {
            for (var i = 0; i < CallsPerQuery; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var page = await store.ListAsync(query);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (page.Items.Count == 0)
                {
                    throw new InvalidOperationException($"The listing probe {query} found nothing; the probe queries no longer fit the bench records.");
                }
            }
        }

        latencies.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"list (limit 50, {stored:N0} tickets stored, {latencies.Count:N0} calls over {queries.Length} queries): p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
