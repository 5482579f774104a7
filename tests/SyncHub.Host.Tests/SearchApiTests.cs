using System.Net;
using System.Text.Json;

namespace SyncHub.Host.Tests;

/// <summary><c>GET /api/tickets</c> with q, sort, view and assignee, and <c>GET /api/views</c>.</summary>
public sealed class SearchApiTests
{
    [Fact]
    public async Task List_Search_FindsByEmailNameSubjectWordPrefixAndNumber()
    {
        await using var hub = await HubServer.StartAsync();
        var ana = await CreateAsync(hub, "Invoice copy needed", "Please resend the October invoice.", "Ana Souza", "ana@example.com");
        var joao = await CreateAsync(hub, "Login loop on desktop", "The app keeps asking for the password.", "João Lima", "joao@acme.example");

        Assert.Equal([ana], await NumbersAsync(hub, "q=ana%40example.com"));
        Assert.Equal([joao], await NumbersAsync(hub, "q=joao"));
        Assert.Equal([joao], await NumbersAsync(hub, "q=LOGI+desk"));
        Assert.Equal([ana], await NumbersAsync(hub, "q=octob"));
        Assert.Equal([ana], await NumbersAsync(hub, $"q=%23{ana}"));
        Assert.Empty(await NumbersAsync(hub, "q=login+invoice"));
        Assert.Equal([joao], await NumbersAsync(hub, "q=password&channel=Internal&status=Open"));
    }

    [Fact]
    public async Task List_DefaultSortIsSlaDueAndEachSortPagesThroughEveryTicketOnce()
    {
        await using var hub = await HubServer.StartAsync();
        var created = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(hub, $"Question {i}", "m", "Ana", $"a{i}@example.com", i % 2 == 0 ? "high" : "low"));
        }

        foreach (var sort in new[] { "", "sort=slaDue&", "sort=created&", "sort=updated&", "sort=priority&" })
        {
            var all = await NumbersAsync(hub, $"{sort}limit=200");
            var paged = await NumbersAsync(hub, $"{sort}limit=2");
            Assert.Equal(all, paged);
            Assert.Equal(created.Order(), all.Order());
        }

        Assert.Equal(created.OrderDescending(), await NumbersAsync(hub, "sort=created&limit=2"));
        var byPriority = await NumbersAsync(hub, "sort=priority");
        Assert.Equal([created[0], created[2], created[4]], byPriority.Take(3).Order());
    }

    [Theory]
    [InlineData("sort=newest", "sort")]
    [InlineData("view=everything", "view")]
    [InlineData("view=department:Sales", "view")]
    [InlineData("sort=slaDue&cursor=10001", "cursor")]
    [InlineData("sort=created&cursor=1_2", "cursor")]
    public async Task List_BadSortViewOrCursor_Returns400NamingIt(string query, string field)
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task List_TooLongSearch_Returns400NamingQ()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets?q={new string('a', 201)}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("q", (await hub.JsonAsync(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task ViewsAndAssignee_CountsAndListsFollowAssignmentAndStatus()
    {
        await using var hub = await HubServer.StartAsync();
        var first = await CreateAsync(hub, "One", "m", "Ana", "a1@example.com");
        var second = await CreateAsync(hub, "Two", "m", "Ana", "a2@example.com");
        var created = await CountsAsync(hub);

        using (var escalated = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{await IdAsync(hub, first)}/escalate", new { team = "developers", assignee = "joao.dev" })))
        {
            Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        }

        using (var solved = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{await IdAsync(hub, second)}/status", new { status = "Solved" })))
        {
            Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        }

        var after = await CountsAsync(hub);

        Assert.Equal(2, created["unassigned"]);
        Assert.Equal(2, created["department:Community"]);
        Assert.Equal((0L, 0L, 0L, 0L), (after["unassigned"], after["mine"], after["breached"], after["at-risk"]));
        Assert.Equal(1, after["department:Community"]);
        Assert.Equal([first], await NumbersAsync(hub, "assignee=JOAO.DEV"));
        Assert.Equal([first], await NumbersAsync(hub, "view=department:Community"));
        Assert.Empty(await NumbersAsync(hub, "view=unassigned"));

        // A service key is no agent: "mine" is empty.
        Assert.Empty(await NumbersAsync(hub, "view=mine"));
    }

    [Fact]
    public async Task Views_ListEveryViewWithItsName()
    {
        await using var hub = await HubServer.StartAsync();

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/views"));
        using var unauthorized = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/views", key: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var items = (await hub.JsonAsync(response)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["mine", "unassigned", "customer-replied", "at-risk", "breached", "department:PaidSupport", "department:Community", "department:Trials"],
            items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("Customer replied", items[2].GetProperty("name").GetString());
        Assert.All(items, i => Assert.Equal(0, i.GetProperty("count").GetInt64()));
    }

    internal static async Task<long> CreateAsync(HubServer hub, string subject, string message, string name, string email, string priority = "medium")
    {
        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets", new
        {
            subject,
            message,
            priority,
            requester = new { name, email },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await hub.JsonAsync(response)).GetProperty("number").GetInt64();
    }

    internal static async Task<string> IdAsync(HubServer hub, long number) => (await hub.TicketAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture))).Id;

    /// <summary>Every page of <c>GET /api/tickets?{query}</c>, as ticket numbers.</summary>
    internal static async Task<List<long>> NumbersAsync(HubServer hub, string query)
    {
        var numbers = new List<long>();
        string? cursor = null;
        do
        {
            using var page = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, $"/api/tickets?{query}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await hub.JsonAsync(page);
            numbers.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt64()));
            cursor = body.GetProperty("next").ValueKind == JsonValueKind.Null ? null : body.GetProperty("next").GetString();
        }
        while (cursor is not null);

        return numbers;
    }

    private static async Task<Dictionary<string, long>> CountsAsync(HubServer hub)
    {
        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Get, "/api/views"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await hub.JsonAsync(response)).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("count").GetInt64());
    }
}
