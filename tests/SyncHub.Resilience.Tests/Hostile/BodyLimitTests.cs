using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// Bodies over <c>SyncHub:Pipeline:MaxBodyBytes</c> on every route that reads one, announced by Content-Length or
/// streamed chunked without it: 413 (or 401 before the body is read), never a ticket, never a 5xx.
/// </summary>
public sealed class BodyLimitTests(HostileHub hub) : IClassFixture<HostileHub>
{
    public static TheoryData<string, bool> Routes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var route in new[] { "web", "facebook", "livechat", "freshcaller", "tickets", "status", "reply", "escalate", "follow-up" })
        {
            data.Add(route, false);
            data.Add(route, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Body_OverTheLimit_Returns413AndNoTicket(string route, bool chunked)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();
        var body = Oversized(route, HostileHub.MaxBodyBytes + 1);

        using var response = await SendAsync(route, id, body, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Body_FarOverTheLimit_Returns413WithoutReadingItAll(string route, bool chunked)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();
        var body = Oversized(route, 4 * 1024 * 1024);

        using var response = await SendAsync(route, id, body, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    [Fact]
    public async Task Body_OverTheLimitWithoutCredentials_IsRefusedWith4xx()
    {
        var before = await hub.TicketCountAsync();
        using var request = HostileHub.Form(Oversized("web", HostileHub.MaxBodyBytes * 4), token: null);

        using var response = await hub.Client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    private async Task<HttpResponseMessage> SendAsync(string route, string id, byte[] body, bool chunked)
    {
        var request = route switch
        {
            "tickets" => HostileHub.Api(HttpMethod.Post, "/api/tickets"),
            "status" or "reply" or "escalate" or "follow-up" => HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/{route}"),
            _ => HostileHub.Intake(route, body),
        };
        HttpContent content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = content;
        try
        {
            return await hub.Client.SendAsync(request);
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>A well-formed body for the route whose main text makes it <paramref name="size"/> bytes or more.</summary>
    private static byte[] Oversized(string route, int size)
    {
        var filler = new string('A', size);
        var json = route switch
        {
            "web" => Bodies.With(Bodies.WebForm("sub-big"), "message", filler),
            "facebook" => Bodies.With(Bodies.FacebookMessage("m_big"), "entry.0.messaging.0.message.text", filler),
            "livechat" => Bodies.With(Bodies.Livechat("lc-big"), "message", filler),
            "freshcaller" => Bodies.With(Bodies.Freshcaller(6_200_001), "call.call_notes", filler),
            "tickets" => new System.Text.Json.Nodes.JsonObject { ["subject"] = "big", ["message"] = filler },
            "status" => new System.Text.Json.Nodes.JsonObject { ["status"] = "Pending", ["by"] = filler },
            "reply" => new System.Text.Json.Nodes.JsonObject { ["message"] = filler },
            "escalate" => new System.Text.Json.Nodes.JsonObject { ["team"] = "developers", ["assignee"] = "ana", ["note"] = filler },
            _ => new System.Text.Json.Nodes.JsonObject { ["documentation"] = "None", ["bug"] = "None", ["feature"] = "None", ["note"] = filler },
        };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private async Task<string> TicketIdAsync()
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"limit-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
