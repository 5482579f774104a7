using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SyncHub.Host;
using SyncHub.Resilience.Tests.Fakes;
using SyncHub.Resilience.Tests.Hosting;
using SyncHub.Testing.Doubles;
using WireMock.ResponseBuilders;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>
/// The Freshcaller calls API (WireMock) failing in every way a tool fails, mid-way through a window of three pages,
/// polled by the hub's real poller: it backs off between attempts, keeps its cursor at the page that fails (no page is
/// read again, none is skipped), and once the tool answers every call is exactly one ticket.
/// </summary>
public sealed class ToolFaultTests : IDisposable
{
    private const int PollFailedEventId = 1102;
    private readonly FreshcallerApiFake freshcaller = new();

    public static IReadOnlyList<Func<IResponseBuilder>> FirstPageFaults { get; } =
    [
        () => FreshcallerApiFake.Json(503, new JsonObject { ["error_type"] = "service_unavailable", ["message"] = "try later" }),
        () => Response.Create().WithFault(FaultType.EMPTY_RESPONSE),
    ];

    public static IReadOnlyList<Func<IResponseBuilder>> SecondPageFaults { get; } =
    [
        () => FreshcallerApiFake.Json(500, new JsonObject { ["error_type"] = "internal_error", ["message"] = "Something went wrong" }),
        () => FreshcallerApiFake.Json(429, new JsonObject { ["error_type"] = "too_many_requests", ["message"] = "Rate limit exceeded" }).WithHeader("Retry-After", "1"),
        () => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"calls\":[{\"id\":880004,\"created_time\":\"20"),
        () => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html><body>502 Bad Gateway</body></html>"),
        () => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(""),
        () => Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK),
    ];

    /// <summary>
    /// A page that answers only after the client gave up. WireMock moves the scenario on when the late answer is sent,
    /// so the attempts made meanwhile meet the same hang: the number of timeouts depends on timing (at least one).
    /// </summary>
    public static IReadOnlyList<Func<IResponseBuilder>> ThirdPageFaults { get; } =
    [
        () => FreshcallerApiFake.Json(200, FreshcallerApiFake.Answer(3, 3, 9, [])).WithDelay(TimeSpan.FromSeconds(8)),
    ];

    [Fact]
    public async Task Poller_ToolFailsThenRecovers_BacksOffKeepsItsCursorAndStoresEveryCallOnce()
    {
        var start = TimeProvider.System.GetUtcNow().AddHours(-1);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, TimeSpan.Zero);
        var from = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var calls = Enumerable.Range(1, 9).Select(i => FreshcallerApiFake.Call(880_000 + i, start.AddMinutes(i))).ToArray();
        freshcaller.FaultsThenPage(from, 1, 3, 9, FirstPageFaults, calls[0..3]);
        freshcaller.FaultsThenPage(from, 2, 3, 9, SecondPageFaults, calls[3..6]);
        freshcaller.FaultsThenPage(from, 3, 3, 9, ThirdPageFaults, calls[6..9]);
        var log = new LogCapture();

        await using var app = SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SyncHub:Store"] = "InMemory",
                ["SyncHub:Logging:Console"] = "false",
                ["SyncHub:ShutdownTimeout"] = "00:00:05",
                ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,
                ["SyncHub:Pipeline:PollRetryDelay"] = "00:00:00.050",
                ["SyncHub:Pipeline:PollMaxRetryDelay"] = "00:00:00.400",
                ["SyncHub:Adapters:Freshcaller:Enabled"] = "true",
                ["SyncHub:Adapters:Freshcaller:BaseUrl"] = freshcaller.ApiUrl,
                ["SyncHub:Adapters:Freshcaller:ApiKey"] = TestSecrets.FreshcallerApiKey,
                ["SyncHub:Adapters:Freshcaller:StartFrom"] = start.ToString("O", CultureInfo.InvariantCulture),
                ["SyncHub:Adapters:Freshcaller:SettleDelay"] = "00:00:00",
                ["SyncHub:Adapters:Freshcaller:MaxWindow"] = "1.00:00:00",
                ["SyncHub:Adapters:Freshcaller:PageSize"] = "3",
                ["SyncHub:Adapters:Freshcaller:PollInterval"] = "00:00:01",
                // Long enough for the process's first request (cold start while other hubs of the suite run), shorter
                // than the third page's 8 s hang, so only that page times out.
                ["SyncHub:Adapters:Freshcaller:Timeout"] = "00:00:05",

                // No retries inside a fetch: every failure reaches the poller, whose backoff is under test.
                ["SyncHub:Adapters:Freshcaller:MaxRetryAttempts"] = "0",
            });
            builder.Services.AddSingleton<ILogEventSink>(log);
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        var ids = calls.Select(c => c["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)).ToList();
        List<(string ExternalId, string Id)> tickets = [];
        await Eventually.WaitUntilAsync(
            () => (tickets = TicketList.ReadAsync(address, TestSecrets.ApiKey, "Phone").GetAwaiter().GetResult()).Count >= ids.Count,
            TimeSpan.FromSeconds(60));

        TicketList.AssertExactlyOnce(tickets, ids);

        // Every failure was retried by the backoff: attempts count up within a failing streak (one streak per page),
        // waits are never zero and grow.
        var failures = log.WithEventId(PollFailedEventId);
        var timeouts = failures.Count - FirstPageFaults.Count - SecondPageFaults.Count;
        Assert.True(timeouts >= ThirdPageFaults.Count, $"{failures.Count} failed polls");
        var attempts = failures.Select(e => Scalar<int>(e, "Attempt")).ToList();
        Assert.Equal([.. Enumerable.Range(1, FirstPageFaults.Count), .. Enumerable.Range(1, SecondPageFaults.Count), .. Enumerable.Range(1, timeouts)], attempts);
        var delays = failures.Select(e => Scalar<TimeSpan>(e, "Delay")).ToList();
        Assert.All(delays, d => Assert.True(d > TimeSpan.Zero, $"a retry was scheduled without a wait: {d}"));
        var secondStreak = delays.Skip(FirstPageFaults.Count).Take(SecondPageFaults.Count).ToList();
        Assert.True(secondStreak.Max() > secondStreak[0], $"the waits did not grow: {string.Join(", ", secondStreak)}");

        // Each page was asked for once per failure plus once more, in page order: the cursor stayed on the failing page,
        // and no page already stored was read again. (WireMock logs a timed-out request when its late answer is sent.)
        await Eventually.WaitUntilAsync(() => freshcaller.RequestsFor(from, 3) >= timeouts + 1, TimeSpan.FromSeconds(30));
        var trace = string.Join(", ", freshcaller.Requests.Select(r => $"{FreshcallerApiFake.Query(r, "page")}:{r.ResponseMessage.StatusCode}@{r.RequestMessage.DateTime:HH:mm:ss.fff}"));
        Assert.True(freshcaller.RequestsFor(from, 1) == FirstPageFaults.Count + 1, trace);
        Assert.True(freshcaller.RequestsFor(from, 2) == SecondPageFaults.Count + 1, trace);
        Assert.True(freshcaller.RequestsFor(from, 3) == timeouts + 1, trace);
        var asked = freshcaller.Requests.Where(r => FreshcallerApiFake.Query(r, "by_time[from]") == from).OrderBy(r => r.RequestMessage.DateTime).Select(r => FreshcallerApiFake.Query(r, "page")).ToList();
        Assert.True(asked.SequenceEqual(asked.Order(StringComparer.Ordinal)), $"a page was asked for again after a later one: {trace}");

        using var client = new HttpClient { BaseAddress = address };
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        log.AssertNoSecrets([TestSecrets.FreshcallerApiKey, TestSecrets.ApiKey]);
        await app.StopAsync();
    }

    public void Dispose() => freshcaller.Dispose();

    private static T Scalar<T>(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: T typed }
            ? typed
            : throw new InvalidOperationException($"{property} is missing from '{logEvent.RenderMessage(CultureInfo.InvariantCulture)}'");
}
