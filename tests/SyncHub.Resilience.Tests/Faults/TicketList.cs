using System.Net;
using System.Text.Json;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>Reads every ticket of a channel through the API, page by page: (external id, ticket id) pairs.</summary>
internal static class TicketList
{
    public static async Task<List<(string ExternalId, string Id)>> ReadAsync(Uri hub, string apiKey, string channel)
    {
        using var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromSeconds(30) };
        var tickets = new List<(string ExternalId, string Id)>();
        string? cursor = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets?channel={channel}&limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                tickets.Add((item.GetProperty("externalId").GetString()!, item.GetProperty("id").GetString()!));
            }

            var next = page.RootElement.GetProperty("next");
            cursor = next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return tickets;
    }

    /// <summary>Asserts the channel holds exactly one ticket per expected external id and nothing else.</summary>
    public static void AssertExactlyOnce(IReadOnlyCollection<(string ExternalId, string Id)> tickets, IReadOnlyCollection<string> expected)
    {
        var twice = tickets.GroupBy(t => t.ExternalId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} records became more than one ticket: {string.Join(", ", twice.Take(10))}");
        var missing = expected.Except(tickets.Select(t => t.ExternalId)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} records have no ticket: {string.Join(", ", missing.Take(10))}");
        var extra = tickets.Select(t => t.ExternalId).Except(expected).ToList();
        Assert.True(extra.Count == 0, $"{extra.Count} tickets that no record asked for: {string.Join(", ", extra.Take(10))}");
        Assert.Equal(expected.Count, tickets.Count);
    }
}
