using System.Net.Sockets;
using System.Text;
using Serilog.Events;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// Requests whose HTTP framing is broken, written byte for byte on a socket: a chunk size that is not hex (<c>ZZ</c>), one
/// that overflows (<c>FFFFFFFFFFFFFFFF</c>), and a Content-Length longer than the body the client sends before it stops
/// writing. Every route answers 4xx (with or without credentials: the body may be read before they are checked), logs at
/// most one Warning for it and nothing at Error, and stores nothing. A client that stops writing mid-body has left: the
/// hub may close the connection without an answer (Kestrel treats the end of its input as an abort), but never with 5xx
/// or an Error line.
/// </summary>
public sealed class MalformedFramingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "web", "web-no-token", "facebook", "livechat", "freshcaller", "tickets", "status", "reply", "escalate", "follow-up", "note" })
        {
            foreach (var framing in new[] { "chunk-ZZ", "chunk-overflow", "short-content-length" })
            {
                data.Add(route, framing);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BrokenFraming_Is4xxWithAtMostOneWarningAndNoTicket(string route, string framing)
    {
        var id = await TicketIdAsync();
        var before = await hub.TicketCountAsync();
        var logged = hub.Log.Events.Count;

        var status = await SendRawAsync(Head(route, id), framing);

        Assert.True(status is >= 400 and < 500 || (status is null && framing == "short-content-length"), $"answered {status}; logged: {Describe(hub.Log.Events.Skip(logged))}");
        Assert.Equal(before, await hub.TicketCountAsync());
        var events = await SettledEventsAsync(logged);
        Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Error);
        Assert.True(events.Count(e => e.Level == LogEventLevel.Warning) <= 1, string.Join(" | ", events.Where(e => e.Level >= LogEventLevel.Warning).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))));
        hub.AssertClean();
    }

    /// <summary>The request line and headers of the route, with its credentials (none for <c>web-no-token</c>).</summary>
    private static string Head(string route, string id)
    {
        var (path, credentials) = route switch
        {
            "web" => ("/api/intake/web", $"Authorization: Bearer {TestSecrets.FormToken}\r\n"),
            "web-no-token" => ("/api/intake/web", ""),
            "facebook" => ("/api/intake/facebook", "X-Hub-Signature-256: sha256=00\r\n"),
            "livechat" => ("/api/intake/livechat", ""),
            "freshcaller" => ("/api/intake/freshcaller", ""),
            "tickets" => ("/api/tickets", $"X-Api-Key: {TestSecrets.ApiKey}\r\n"),
            _ => ($"/api/tickets/{id}/{route}", $"X-Api-Key: {TestSecrets.ApiKey}\r\n"),
        };
        return $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{credentials}";
    }

    private static string Describe(IEnumerable<LogEvent> events) =>
        string.Join(" | ", events.Where(e => e.Level >= LogEventLevel.Information).Select(e => $"{e.Level} {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception?.GetType().Name} {e.Exception?.Message}"));

    /// <summary>The answer's status, or null when the hub closed the connection without one.</summary>
    private async Task<int?> SendRawAsync(string head, string framing)
    {
        var address = new Uri(hub.App.Urls.First());
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var request = framing switch
        {
            "chunk-ZZ" => head + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"a\":1}\r\n0\r\n\r\n",
            "chunk-overflow" => head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n{\"a\":1}\r\n0\r\n\r\n",
            _ => head + "Content-Length: 400\r\n\r\n{\"name\":\"short\"",
        };
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.FlushAsync();
        if (framing == "short-content-length")
        {
            // The client stops writing: the body ends 384 bytes early.
            client.Client.Shutdown(SocketShutdown.Send);
        }

        using var reader = new StreamReader(stream, Encoding.ASCII);
        try
        {
            var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
            return string.IsNullOrEmpty(statusLine) ? null : int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The events logged since <paramref name="from"/>, once the request's own lines have been written.</summary>
    private async Task<List<LogEvent>> SettledEventsAsync(int from)
    {
        await Task.Delay(200);
        return [.. hub.Log.Events.Skip(from)];
    }

    private async Task<string> TicketIdAsync()
    {
        var created = await hub.SendJsonAsync(HostileHub.Form(Bodies.WebForm($"frame-{Guid.NewGuid():N}")), System.Net.HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
