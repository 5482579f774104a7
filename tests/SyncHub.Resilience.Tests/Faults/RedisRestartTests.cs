using System.Globalization;
using System.Net;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Redis;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// redis-server killed and restarted (AOF with fsync always) while a portal posts submissions and retries what is not
/// acknowledged: intake answers 503 with Retry-After, <c>/health/ready</c> goes 503 and back to 200, intake resumes by
/// itself, and in the end every submission is exactly one ticket and every acknowledged one is stored.
/// </summary>
public sealed class RedisRestartTests(DurableRedisServerFixture redis) : IClassFixture<DurableRedisServerFixture>
{
    private const int Submissions = 400;

    [Fact]
    public async Task Ingest_RedisRestartedMidway_ReadyDipsIntakeResumesAndNothingAcknowledgedIsLost()
    {
        await using var app = RedisHub.Build(
            $"{redis.ConnectionString},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
            redis.NewPrefix(),
            new() { ["SyncHub:Pipeline:RetryAfter"] = "00:00:01", ["SyncHub:Pipeline:Workers"] = "64" });
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var ids = Enumerable.Range(0, Submissions).Select(i => "restart-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        using var portal = new FormSender(address, TestSecrets.FormToken);

        var sending = portal.SendUntilAcknowledgedAsync(ids, 8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90));
        await Eventually.WaitUntilAsync(() => portal.Acknowledged.Count >= Submissions / 4, TimeSpan.FromSeconds(60));
        var acknowledgedBeforeOutage = new Dictionary<string, string>(portal.Acknowledged);
        await redis.StopAsync();
        try
        {
            await Eventually.WaitUntilAsync(() => StatusOf(client, "/health/ready") == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
            await Eventually.WaitUntilAsync(() => portal.Unavailable > 0, TimeSpan.FromSeconds(20));
        }
        finally
        {
            await redis.StartAsync();
        }

        await Eventually.WaitUntilAsync(() => StatusOf(client, "/health/ready") == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await sending;

        Assert.Equal(Submissions, portal.Acknowledged.Count);
        Assert.Equal(portal.Unavailable, portal.UnavailableWithRetryAfter);
        Assert.True(acknowledgedBeforeOutage.Count < Submissions, "every submission was acknowledged before the outage");
        var tickets = await TicketList.ReadAsync(address, TestSecrets.ApiKey, "Web");
        TicketList.AssertExactlyOnce(tickets, ids);
        var byExternalId = tickets.ToDictionary(t => t.ExternalId, t => t.Id);
        foreach (var (submission, ticketId) in portal.Acknowledged)
        {
            Assert.Equal(ticketId, byExternalId[submission]);
        }

        await app.StopAsync();
    }

    /// <summary>The status <paramref name="path"/> answers now, or null when the hub does not answer (for <c>Eventually</c>).</summary>
    internal static HttpStatusCode? StatusOf(HttpClient client, string path)
    {
        try
        {
            using var response = client.GetAsync(path).GetAwaiter().GetResult();
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
