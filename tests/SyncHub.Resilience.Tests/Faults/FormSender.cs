using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// A support portal posting web-form submissions (one submission id each) with several connections at once, keeping
/// which submissions the hub acknowledged (2xx: stored) and with what ticket id, and what else it was answered.
/// </summary>
internal sealed class FormSender(Uri hub, string token) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        BaseAddress = hub,
        Timeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>Acknowledged submissions: submission id to ticket id.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    /// <summary>How many answers were 503, and how many of those carried Retry-After.</summary>
    public int Unavailable => unavailable;

    public int UnavailableWithRetryAfter => unavailableWithRetryAfter;

    /// <summary>Attempts that got no HTTP answer (connection refused or reset, timeout).</summary>
    public int Failed => failed;

    private int unavailable;
    private int unavailableWithRetryAfter;
    private int failed;

    /// <summary>Posts each submission once, <paramref name="concurrency"/> at a time; returns when all were tried.</summary>
    public Task SendOnceAsync(IReadOnlyList<string> ids, int concurrency) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) => await TryAsync(id));

    /// <summary>
    /// Posts each submission until it is acknowledged, as a sender does: waits the Retry-After of a 503 (at most
    /// <paramref name="maxWait"/>), or a short pause after an error. Bounded by <paramref name="deadline"/>.
    /// </summary>
    public async Task SendUntilAcknowledgedAsync(IReadOnlyList<string> ids, int concurrency, TimeSpan maxWait, TimeSpan deadline)
    {
        using var limit = new CancellationTokenSource(deadline);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = limit.Token }, async (id, _) =>
        {
            while (true)
            {
                limit.Token.ThrowIfCancellationRequested();
                var wait = await TryAsync(id);
                if (wait is null)
                {
                    return;
                }

                await Task.Delay(wait.Value < maxWait ? wait.Value : maxWait, limit.Token);
            }
        });
    }

    public void Dispose() => client.Dispose();

    /// <summary>Null when acknowledged; otherwise how long to wait before trying again.</summary>
    private async Task<TimeSpan?> TryAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/web")
        {
            Content = new ByteArrayContent(Bodies.Utf8(Bodies.WebForm(id))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await client.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Acknowledged[id] = answer.RootElement.GetProperty("id").GetString()!;
                return null;
            }

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref unavailable);
                if (response.Headers.RetryAfter?.Delta is { } delta)
                {
                    Interlocked.Increment(ref unavailableWithRetryAfter);
                    return delta;
                }

                return TimeSpan.FromMilliseconds(200);
            }

            throw new InvalidOperationException($"submission {id} was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref failed);
            return TimeSpan.FromMilliseconds(100);
        }
    }
}
