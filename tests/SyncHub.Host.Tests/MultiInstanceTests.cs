using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Testing.Redis;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using Xunit.Abstractions;

namespace SyncHub.Host.Tests;

/// <summary>
/// Several hubs on one real redis-server (AOF on), each a child process (<c>dotnet synchub.dll</c>), polling one
/// Freshcaller account played by WireMock: one instance holds the poller's lease and polls; when it is killed with
/// SIGKILL mid-run, another takes over within the lease TTL from the committed cursor, and every call is one ticket.
/// </summary>
public sealed class MultiInstanceTests(DurableRedisServerFixture redis, ITestOutputHelper output) : IClassFixture<DurableRedisServerFixture>, IDisposable
{
    private const string ApiKey = "fc-api-key-3b1d9e";
    private const string CallsPath = "/api/v1/calls";
    private const int CallCount = 60;
    private const int PageSize = 6;
    private const int PageCount = CallCount / PageSize;
    private const string Source = "Freshcaller";

    private static readonly TimeSpan PageDelay = TimeSpan.FromMilliseconds(300);

    private readonly WireMockServer freshcaller = WireMockServer.Start();
    private readonly List<Hub> hubs = [];

    [Fact]
    public async Task Freshcaller_LeaseHolderKilledMidRun_AnotherInstanceFinishesFromTheCommittedCursorAndEveryCallIsOneTicket()
    {
        var prefix = redis.NewPrefix();
        var startFrom = Second(TimeProvider.System.GetUtcNow() - TimeSpan.FromHours(2));
        var from = Text(startFrom);
        ServeCalls(startFrom);
        var settings = Settings(prefix, from);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                hubs.Add(Hub.Start($"hub-{i}", settings));
            }

            await Task.WhenAll(hubs.Select(h => h.WaitReadyAsync()));
            var holder = await SoleHolderAsync(hubs);
            var firstToken = holder.Token;

            // Mid-run: the holder has committed at least two pages of the window and has more to go.
            var database = redis.Connection.GetDatabase();
            await WaitUntilAsync(
                async () => NextPage(await database.HashGetAsync($"{prefix}checkpoints", Source)) >= 3,
                TimeSpan.FromSeconds(30),
                "the lease holder did not commit two pages");
            holder.Hub.Kill();
            var storedAtKill = await database.StringBitCountAsync($"{prefix}index:all");
            Assert.InRange(storedAtKill, 2 * PageSize, CallCount - PageSize);

            var survivors = hubs.Where(h => h != holder.Hub).ToList();
            await WaitUntilAsync(
                async () => await database.StringBitCountAsync($"{prefix}index:all") >= CallCount,
                TimeSpan.FromSeconds(30),
                "the calls were not all stored after the holder was killed");
            var next = await SoleHolderAsync(survivors);

            Assert.True(next.Token > firstToken, $"the new holder's token {next.Token} is not above the killed holder's {firstToken}");
            var tickets = await ListAllAsync(survivors[0]);
            var perCall = tickets.GroupBy(t => t.GetProperty("externalId").GetString()).ToDictionary(g => g.Key!, g => g.Count());
            Assert.Equal(Enumerable.Range(0, CallCount).Select(i => CallId(i).ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), perCall.Keys.Order(StringComparer.Ordinal));
            Assert.All(perCall, c => Assert.Equal(1, c.Value));
            Assert.All(tickets, t => Assert.Equal(("Freshcaller", "Phone"), (t.GetProperty("source").GetString(), t.GetProperty("channel").GetString())));

            // The new holder went on from the committed cursor: the window's first page was read once, by the first holder.
            Assert.Equal(1, freshcaller.LogEntries.Count(e => e.RequestMessage.Path == CallsPath && Query(e.RequestMessage.Query, "by_time[from]") == from && Query(e.RequestMessage.Query, "page") == "1"));
        }
        finally
        {
            foreach (var hub in hubs)
            {
                output.WriteLine($"--- {hub.Name} (pid {hub.ProcessId}), last lines:");
                foreach (var line in hub.Output)
                {
                    output.WriteLine(line);
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var hub in hubs)
        {
            hub.Dispose();
        }

        freshcaller.Dispose();
    }

    private Dictionary<string, string?> Settings(string prefix, string startFrom) => new()
    {
        ["SyncHub:Store"] = "Redis",
        ["ConnectionStrings:Redis"] = $"{redis.ConnectionString},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000",
        ["SyncHub:Redis:KeyPrefix"] = prefix,
        ["SyncHub:Logging:Console"] = "true",
        ["SyncHub:Leases:Ttl"] = "00:00:03",
        ["SyncHub:Leases:RenewEvery"] = "00:00:00.500",
        ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.200",
        ["SyncHub:Pipeline:PollMaxRetryDelay"] = "00:00:01",
        ["SyncHub:Adapters:Freshcaller:Enabled"] = "true",
        ["SyncHub:Adapters:Freshcaller:BaseUrl"] = freshcaller.Url + "/api/v1",
        ["SyncHub:Adapters:Freshcaller:ApiKey"] = ApiKey,
        ["SyncHub:Adapters:Freshcaller:StartFrom"] = startFrom,
        ["SyncHub:Adapters:Freshcaller:SettleDelay"] = "00:00:10",
        ["SyncHub:Adapters:Freshcaller:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        ["SyncHub:Adapters:Freshcaller:PollInterval"] = "00:00:01",
        ["SyncHub:Adapters:Freshcaller:RetryDelay"] = "00:00:00.100",
    };

    /// <summary>
    /// The calls of the first window, <see cref="PageCount"/> pages oldest first, each answered after <see cref="PageDelay"/>
    /// so the run takes a few seconds; every later window is empty.
    /// </summary>
    private void ServeCalls(DateTimeOffset startFrom)
    {
        var from = Text(startFrom);
        for (var page = 1; page <= PageCount; page++)
        {
            var calls = Enumerable.Range((page - 1) * PageSize, PageSize).Select(i => Call(i, startFrom + TimeSpan.FromMinutes(i)));
            freshcaller
                .Given(Request.Create().WithPath(CallsPath).UsingGet()
                    .WithParam("page", page.ToString(CultureInfo.InvariantCulture))
                    .WithParam(query => Query(query, "by_time[from]") == from))
                .AtPriority(1)
                .RespondWith(Json(Answer(page, PageCount, CallCount, calls)).WithDelay(PageDelay));
        }

        freshcaller
            .Given(Request.Create().WithPath(CallsPath).UsingGet())
            .AtPriority(10)
            .RespondWith(Json(Answer(1, 0, 0, [])));
    }

    /// <summary>A call as Freshcaller's API lists it (the attributes the adapter reads).</summary>
    private static JsonObject Call(int index, DateTimeOffset created) => new()
    {
        ["id"] = CallId(index),
        ["direction"] = "incoming",
        ["parent_call_id"] = null,
        ["root_call_id"] = null,
        ["phone_number"] = "+551142001124",
        ["assigned_agent_name"] = "João Gabriel",
        ["assigned_team_name"] = "Hotline",
        ["assigned_call_queue_name"] = "Paid support",
        ["bill_duration"] = 184.0,
        ["bill_duration_unit"] = "seconds",
        ["created_time"] = Text(created),
        ["updated_time"] = Text(created),
        ["call_notes"] = $"Customer {index} cannot log in after the upgrade to 6.4.",
        ["participants"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = CallId(index) * 10,
                ["call_id"] = CallId(index),
                ["caller_number"] = $"+55119876{index:D5}",
                ["caller_name"] = "Ana Souza",
                ["participant_type"] = "Customer",
                ["call_status"] = 1,
                ["duration"] = 184,
                ["duration_unit"] = "seconds",
            },
        },
    };

    private static long CallId(int index) => 131_400_000 + index;

    private static JsonObject Answer(int page, int totalPages, int totalCount, IEnumerable<JsonObject> calls) => new()
    {
        ["calls"] = new JsonArray([.. calls]),
        ["meta"] = new JsonObject { ["total_pages"] = totalPages, ["current"] = page, ["total_count"] = totalCount },
    };

    private static IResponseBuilder Json(JsonObject body) =>
        Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithBody(body.ToJsonString());

    private static string? Query(IDictionary<string, WireMockList<string>>? query, string name) =>
        query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    private static DateTimeOffset Second(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The next page of the window a Freshcaller cursor is in (<c>from|to|page|size|count|order</c>); 0 between windows.</summary>
    private static int NextPage(StackExchange.Redis.RedisValue cursor)
    {
        var parts = ((string?)cursor)?.Split('|') ?? [];
        return parts.Length == 6 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Waits until exactly one of <paramref name="candidates"/> reports holding the Freshcaller lease and the others standby.</summary>
    private static async Task<(Hub Hub, long Token)> SoleHolderAsync(IReadOnlyList<Hub> candidates)
    {
        (Hub, long)? found = null;
        await WaitUntilAsync(
            async () =>
            {
                var leases = await Task.WhenAll(candidates.Select(h => h.LeaseAsync()));
                var holding = candidates.Zip(leases).Where(x => x.Second.Holding).ToList();
                found = holding.Count == 1 && leases.Count(l => l.Standby) == candidates.Count - 1 ? (holding[0].First, holding[0].Second.Token) : null;
                return found is not null;
            },
            TimeSpan.FromSeconds(20),
            "no single instance reported holding the Freshcaller lease");
        return found!.Value;
    }

    private static async Task<List<JsonElement>> ListAllAsync(Hub hub)
    {
        var tickets = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets?limit=200{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            request.Headers.Add("X-Api-Key", HubServer.ApiKey);
            using var response = await hub.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            tickets.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.Clone()));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        return tickets;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"{failure} within {timeout}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>One hub child process on a free loopback port, with its last output lines kept for the test log.</summary>
    private sealed class Hub : IDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> lines = new();

        private Hub(string name, Process process, int port)
        {
            Name = name;
            this.process = process;
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(10) };
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Name { get; }

        public int ProcessId => process.Id;

        public HttpClient Client { get; }

        public IEnumerable<string> Output => lines;

        public static Hub Start(string name, Dictionary<string, string?> settings)
        {
            var port = FreePort();
            var host = Path.Combine(AppContext.BaseDirectory, "synchub.dll");
            var start = new ProcessStartInfo("dotnet", [host, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--environment", "Production"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (key, value) in HubServer.DefaultSettings().Concat(settings))
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            return new Hub(name, Process.Start(start)!, port);
        }

        public async Task WaitReadyAsync() =>
            await WaitUntilAsync(
                async () =>
                {
                    Assert.False(process.HasExited, $"{Name} exited during start");
                    try
                    {
                        using var ready = await Client.GetAsync("/health/ready");
                        return ready.StatusCode == HttpStatusCode.OK;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // Not listening yet, or a busy machine let the first answer time out: ask again.
                        return false;
                    }
                },
                TimeSpan.FromSeconds(60),
                $"{Name} did not become ready");

        /// <summary>What the hub's <c>leases</c> health check says about the Freshcaller poller.</summary>
        public async Task<(bool Holding, bool Standby, long Token)> LeaseAsync()
        {
            try
            {
                using var response = await Client.GetAsync("/health/ready");
                var health = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (!health.GetProperty("checks").GetProperty("leases").GetProperty("data").TryGetProperty(Source, out var lease))
                {
                    return (false, false, 0);
                }

                var token = lease.GetProperty("token");
                return (
                    lease.GetProperty("lease").GetString() == "holding",
                    lease.GetProperty("lease").GetString() == "standby",
                    token.ValueKind == JsonValueKind.Number ? token.GetInt64() : 0);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                return (false, false, 0);
            }
        }

        /// <summary>SIGKILL: no graceful stop, the lease is not released and has to expire.</summary>
        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                Kill();
            }

            Client.Dispose();
            process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lines.Enqueue(line);
            while (lines.Count > 60)
            {
                lines.TryDequeue(out _);
            }
        }
    }
}
