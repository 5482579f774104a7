using System.Globalization;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Redis;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// kill -9 of the hub process (real redis-server, AOF with fsync always) while a portal posts web-form submissions
/// concurrently. After a restart the portal re-sends what it did not see acknowledged; the store then holds exactly one
/// ticket per submission, and every acknowledged submission is the ticket it was acknowledged as.
/// </summary>
public sealed class HubKillTests(DurableRedisServerFixture redis) : IClassFixture<DurableRedisServerFixture>
{
    private const int Submissions = 600;
    private const int Connections = 16;

    [Fact]
    public async Task Ingest_HubKilledMidway_EverySubmissionIsExactlyOneTicketAfterTheSenderReplays()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = $"{redis.ConnectionString},connectTimeout=1000,syncTimeout=2000,asyncTimeout=2000",
            ["SyncHub:Redis:KeyPrefix"] = redis.NewPrefix(),
            ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,
            ["SyncHub:Adapters:WebForm:Enabled"] = "true",
            ["SyncHub:Adapters:WebForm:Token"] = TestSecrets.FormToken,
            ["SyncHub:Pipeline:RetryAfter"] = "00:00:01",
            ["SyncHub:Pipeline:Workers"] = "64",
        };
        var ids = Enumerable.Range(0, Submissions).Select(i => "kill-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        var port = HubProcess.FreePort();

        Dictionary<string, string> acknowledgedBeforeKill;
        await using (var first = HubProcess.Start(settings, port))
        {
            await first.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var portal = new FormSender(first.Address, TestSecrets.FormToken);
            var sending = portal.SendOnceAsync(ids, Connections);
            await Eventually.WaitUntilAsync(() => portal.Acknowledged.Count >= Submissions / 5 || sending.IsCompleted, TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await sending;
            acknowledgedBeforeKill = new Dictionary<string, string>(portal.Acknowledged);
            Assert.True(acknowledgedBeforeKill.Count < Submissions, "every submission was acknowledged before the kill: the hub was not killed mid-ingest");
            Assert.True(portal.Failed > 0, "no submission failed: the kill did not interrupt the ingest");
        }

        await using var second = HubProcess.Start(settings, port);
        await second.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var replay = new FormSender(second.Address, TestSecrets.FormToken);
        await replay.SendUntilAcknowledgedAsync([.. ids.Where(id => !acknowledgedBeforeKill.ContainsKey(id))], Connections, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var tickets = await TicketList.ReadAsync(second.Address, TestSecrets.ApiKey, "Web");
        TicketList.AssertExactlyOnce(tickets, ids);
        var byExternalId = tickets.ToDictionary(t => t.ExternalId, t => t.Id);
        foreach (var (submission, ticketId) in acknowledgedBeforeKill)
        {
            Assert.Equal(ticketId, byExternalId[submission]);
        }
    }
}
