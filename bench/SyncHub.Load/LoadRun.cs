using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SyncHub.Load;

/// <summary>
/// Sustained load over HTTP: <c>connections</c> workers, each with its own keep-alive connection, posting web-form
/// submissions back to back (a unique submission id each) for a warm-up and then a measured duration. Each request's
/// latency runs from just before it is sent to its answer being read; for the hub a 201 means the ticket is stored.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(
        Uri address, string path, string? bearer, int connections, TimeSpan warmup, TimeSpan duration, string run, string body, bool honourRetryAfter = false)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new ConcurrentDictionary<int, long>();
        var latencies = new ConcurrentBag<double[]>();
        long errors = 0;
        long retryAfter = 0;
        long sequence = 0;
        var (head, tail) = FormTemplate(body);
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureUntil = warmup + duration;

        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>(capacity: 16_384);
            while (clock.Elapsed < measureUntil)
            {
                var id = $"{run}-{Interlocked.Increment(ref sequence)}";
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(head + id + tail, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                var sent = Stopwatch.GetTimestamp();
                var measured = clock.Elapsed >= measureFrom;
                TimeSpan? wait = null;
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (measured && clock.Elapsed < measureUntil)
                    {
                        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                        if (response.IsSuccessStatusCode)
                        {
                            mine.Add(latency);
                        }
                        else if (response.Headers.RetryAfter?.Delta is not null)
                        {
                            Interlocked.Increment(ref retryAfter);
                        }
                    }

                    wait = honourRetryAfter ? response.Headers.RetryAfter?.Delta : null;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (measured)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }

                if (wait is { } delay)
                {
                    await Task.Delay(delay);
                }
            }

            latencies.Add([.. mine]);
        })).ToArray();
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(duration, new Dictionary<int, long>(statuses), errors, all, retryAfter);
    }

    /// <summary>A support-portal form submission around its submission id: the JSON before it and after it.</summary>
    private static (string Head, string Tail) FormTemplate(string message)
    {
        const string Marker = "@@SUBMISSION@@";
        var form = Form(Marker, message);
        var at = form.IndexOf(Marker, StringComparison.Ordinal);
        return (form[..at], form[(at + Marker.Length)..]);
    }

    /// <summary>A support-portal form submission with a message of the given text.</summary>
    public static string Form(string submissionId, string message) => new JsonObject
    {
        ["name"] = "Ana Souza",
        ["email"] = "ana@example.com",
        ["subject"] = "The export does nothing",
        ["message"] = message,
        ["priority"] = "Medium",
        ["product"] = "Rocket.Chat Cloud",
        ["clientVersion"] = "6.4.1",
        ["submissionId"] = submissionId,
    }.ToJsonString();

    public static string Message(int bytes)
    {
        const string Sentence = "When I press export on the reports page nothing happens and no file is written. ";
        var text = new StringBuilder(bytes + Sentence.Length);
        while (text.Length < bytes)
        {
            text.Append(Sentence);
        }

        return text.ToString(0, bytes);
    }
}
