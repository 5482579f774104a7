using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// Bodies that are not what a parser expects, correctly authenticated so they reach it: 10,000 levels of nesting,
/// invalid UTF-8, lone surrogates, NUL, wrong JSON types, empty and non-object bodies. Each is a 4xx naming the problem
/// or a clean 2xx; never a 5xx, never a ticket from a body that was refused.
/// </summary>
public sealed class MalformedInputTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private const int Depth = 10_000;

    public static TheoryData<string> AllRoutes() => ["web", "facebook", "livechat", "freshcaller", "tickets", "status", "reply", "escalate", "follow-up"];

    public static TheoryData<string> IntakeRoutes() => ["web", "facebook", "facebook-comment", "livechat", "freshcaller"];

    public static TheoryData<string, string> DeepBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in AllRoutes())
        {
            data.Add(route, "arrays");
            data.Add(route, "objects");
            data.Add(route, "in-a-field");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeepBodies))]
    public async Task Body_NestedTenThousandLevels_Returns400AndNoTicket(string route, string shape)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();
        var nested = shape switch
        {
            "arrays" => new string('[', Depth) + new string(']', Depth),
            "objects" => string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth),
            _ => "{\"name\":" + new string('[', Depth) + new string(']', Depth) + ",\"subject\":" + string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth) + "}",
        };

        using var response = await SendAsync(route, id, Encoding.UTF8.GetBytes(nested));

        // The field-nested body of the workflow routes is over the 64 KB limit on its own: 413 is as clear.
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{route}: {(int)response.StatusCode}");
        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    public static TheoryData<string, string> InvalidUtf8()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "web", "facebook", "livechat", "freshcaller", "tickets", "reply", "escalate" })
        {
            foreach (var bytes in new[] { "C328", "FF", "C0AF", "EDA080", "F4908080", "E282" })
            {
                data.Add(route, bytes);
            }
        }

        return data;
    }

    /// <summary>Invalid UTF-8 (a broken pair, 0xFF, an overlong '/', an encoded surrogate, beyond U+10FFFF, a cut sequence) inside a JSON string.</summary>
    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task Body_WithInvalidUtf8InAString_Returns400AndNoTicket(string route, string hex)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();
        var marker = "\u0001MARK\u0001";
        var text = ValidBody(route, marker).ToJsonString();
        var at = text.IndexOf("\\u0001MARK\\u0001", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(text[..at]).Concat(Convert.FromHexString(hex)).Concat(Encoding.UTF8.GetBytes(text[(at + 16)..])).ToArray();

        using var response = await SendAsync(route, id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    public static TheoryData<string, string> EscapedOddities()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "web", "facebook", "livechat", "freshcaller", "tickets", "reply", "escalate" })
        {
            data.Add(route, "\\ud800");
            data.Add(route, "\\udfff\\ud800");
            data.Add(route, "a\\u0000b");
            data.Add(route, "\\ufeff\\u202e\\u200b");
        }

        return data;
    }

    /// <summary>Lone surrogates, NUL and invisible characters written as JSON escapes: a 4xx, or stored as text; never a 5xx.</summary>
    [Theory]
    [MemberData(nameof(EscapedOddities))]
    public async Task Body_WithEscapedLoneSurrogatesOrNul_Returns4xxOrStoresText(string route, string escaped)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();
        var text = ValidBody(route, "\u0001MARK\u0001").ToJsonString().Replace("\\u0001MARK\\u0001", escaped, StringComparison.Ordinal);

        using var response = await SendAsync(route, id, Encoding.UTF8.GetBytes(text));

        Assert.True((int)response.StatusCode is >= 200 and < 300 or >= 400 and < 500, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (!response.IsSuccessStatusCode && route is not ("reply" or "escalate"))
        {
            Assert.Equal(before, await hub.TicketCountAsync());
        }

        hub.AssertClean();
    }

    public static TheoryData<string, string> WrongShapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in AllRoutes())
        {
            foreach (var body in new[] { "", "null", "[]", "\"text\"", "42", "true", "{", "{\"a\":1}}", "{\"a\":1,}", "\uFEFF{}", "{\"subject\":{},\"message\":[]}" })
            {
                data.Add(route, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Body_NotTheExpectedJson_Returns4xxAndNoTicket(string route, string body)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();

        using var response = await SendAsync(route, id, Encoding.UTF8.GetBytes(body));

        // Facebook and Rocket.Chat acknowledge events they ignore (another object type) with 200 and no ticket.
        Assert.True((int)response.StatusCode is >= 400 and < 500 or 200, $"{route} '{body}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await hub.TicketCountAsync());
        hub.AssertClean();
    }

    public static TheoryData<string, string, string> WrongTypes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (route, fields) in Bodies.TextFields)
        {
            foreach (var field in fields)
            {
                data.Add(route, field, "number");
                data.Add(route, field, "object");
            }
        }

        return data;
    }

    /// <summary>A number or an object where the tool sends text: a 4xx naming the field, or the field ignored; never a 5xx.</summary>
    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task Field_OfTheWrongJsonType_Returns4xxOrIsIgnored(string route, string field, string type)
    {
        JsonNode value = type == "number" ? JsonValue.Create(1e300) : new JsonObject { ["$ne"] = 1 };
        var body = Bodies.With(Bodies.For(route, Random.Shared.Next(100_000, 999_999)), field, value);

        using var response = await hub.Client.SendAsync(HostileHub.Intake(Bodies.Segment(route), Bodies.Utf8(body)));

        Assert.True((int)response.StatusCode is >= 200 and < 300 or >= 400 and < 500, $"{route}.{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        hub.AssertClean();
    }

    private static JsonObject ValidBody(string route, string text) => route switch
    {
        "web" => Bodies.With(Bodies.WebForm($"utf-{Guid.NewGuid():N}"), "subject", text),
        "facebook" => Bodies.With(Bodies.FacebookMessage($"m_utf_{Guid.NewGuid():N}"), "entry.0.messaging.0.message.text", text),
        "livechat" => Bodies.With(Bodies.Livechat($"lc-utf-{Guid.NewGuid():N}"), "visitor.name", text),
        "freshcaller" => Bodies.With(Bodies.Freshcaller(Random.Shared.NextInt64(10_000_000, 99_999_999)), "call.call_notes", text),
        "tickets" => new JsonObject { ["subject"] = text, ["message"] = "hello" },
        "reply" => new JsonObject { ["message"] = text },
        _ => new JsonObject { ["team"] = "developers", ["assignee"] = "ana", ["note"] = text },
    };

    private async Task<HttpResponseMessage> SendAsync(string route, string id, byte[] body)
    {
        using var request = route switch
        {
            "tickets" => HostileHub.Api(HttpMethod.Post, "/api/tickets", body),
            "status" or "reply" or "escalate" or "follow-up" => HostileHub.Api(HttpMethod.Post, $"/api/tickets/{id}/{route}", body),
            _ => HostileHub.Intake(route, body),
        };
        return await hub.Client.SendAsync(request);
    }

    private async Task<string> TicketIdAsync()
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"mal-{Guid.NewGuid():N}")), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
