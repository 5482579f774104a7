using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace SyncHub.Resilience.Tests.Fakes;

/// <summary>
/// WireMock playing a Freshcaller account's calls API (<c>GET /api/v1/calls</c>, documented shapes:
/// <c>{"calls": [...], "meta": {"total_pages", "current", "total_count"}}</c>). By default every window is empty;
/// <see cref="Page"/> serves a page of the first window, and <see cref="FaultsThenPage"/> scripts a page that fails in
/// the given ways, one per request, before it answers.
/// </summary>
internal sealed class FreshcallerApiFake : IDisposable
{
    public const string CallsPath = "/api/v1/calls";

    private readonly WireMockServer server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false });

    public FreshcallerApiFake()
    {
        server
            .Given(Request.Create().WithPath(CallsPath).UsingGet())
            .AtPriority(100)
            .RespondWith(Json(200, Answer(1, 0, 0, [])));
    }

    public string ApiUrl => server.Url + "/api/v1";

    public IReadOnlyList<ILogEntry> Requests => [.. server.LogEntries.Where(e => e.RequestMessage.Path == CallsPath)];

    /// <summary>Requests for page <paramref name="page"/> of the window that starts at <paramref name="from"/>.</summary>
    public int RequestsFor(string from, int page) => Requests.Count(r =>
        Query(r, "by_time[from]") == from && Query(r, "page") == page.ToString(CultureInfo.InvariantCulture));

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage.Query?.FirstOrDefault(kv => Uri.UnescapeDataString(kv.Key) == name).Value?.FirstOrDefault();

    /// <summary>Page <paramref name="page"/> of the window starting at <paramref name="from"/> answers these calls.</summary>
    public void Page(string from, int page, int totalPages, int totalCount, params JsonObject[] calls) =>
        server
            .Given(WindowPage(from, page))
            .AtPriority(10)
            .RespondWith(Json(200, Answer(page, totalPages, totalCount, calls)));

    /// <summary>
    /// Page <paramref name="page"/> of the window starting at <paramref name="from"/> answers each fault in turn, one per
    /// request, then the calls for good.
    /// </summary>
    public void FaultsThenPage(string from, int page, int totalPages, int totalCount, IReadOnlyList<Func<IResponseBuilder>> faults, params JsonObject[] calls)
    {
        var scenario = $"page-{page}";
        for (var i = 0; i < faults.Count; i++)
        {
            var step = server
                .Given(WindowPage(from, page))
                .AtPriority(1)
                .InScenario(scenario);
            step = i == 0 ? step : step.WhenStateIs($"fault-{i}");
            step.WillSetStateTo($"fault-{i + 1}").RespondWith(faults[i]());
        }

        server
            .Given(WindowPage(from, page))
            .AtPriority(1)
            .InScenario(scenario)
            .WhenStateIs($"fault-{faults.Count}")
            .RespondWith(Json(200, Answer(page, totalPages, totalCount, calls)));
    }

    public static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithBody(body.ToJsonString());

    /// <summary>A call as Freshcaller's API lists it (the attributes the adapter reads).</summary>
    public static JsonObject Call(long id, DateTimeOffset created) => new()
    {
        ["id"] = id,
        ["direction"] = "incoming",
        ["parent_call_id"] = null,
        ["phone_number"] = "+551142001124",
        ["assigned_agent_name"] = "João Gabriel",
        ["bill_duration"] = 184.0,
        ["bill_duration_unit"] = "seconds",
        ["created_time"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["call_notes"] = $"Call {id.ToString(CultureInfo.InvariantCulture)}: cannot log in after the upgrade.",
        ["participants"] = new JsonArray
        {
            new JsonObject
            {
                ["participant_type"] = "Customer",
                ["caller_number"] = "+5511987654" + (id % 1000).ToString("000", CultureInfo.InvariantCulture),
                ["caller_name"] = "Ana Souza",
                ["call_status"] = 1,
                ["duration"] = 184,
                ["duration_unit"] = "seconds",
            },
        },
    };

    public static JsonObject Answer(int page, int totalPages, int totalCount, JsonObject[] calls) => new()
    {
        ["calls"] = new JsonArray([.. calls.Select(c => c.DeepClone())]),
        ["meta"] = new JsonObject { ["total_pages"] = totalPages, ["current"] = page, ["total_count"] = totalCount },
    };

    public void Dispose() => server.Dispose();

    private static IRequestBuilder WindowPage(string from, int page) =>
        Request.Create()
            .WithPath(CallsPath)
            .UsingGet()
            .WithParam("page", page.ToString(CultureInfo.InvariantCulture))
            .WithParam(query => query is not null && query.Any(kv => Uri.UnescapeDataString(kv.Key) == "by_time[from]" && kv.Value.Contains(from)));
}
