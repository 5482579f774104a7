using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SyncHub.Resilience.Tests.Fakes;

/// <summary>
/// A minimal SMTP server on a free loopback port that accepts everything (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA) and
/// keeps each message byte for byte with its envelope recipients. Lines end only at CRLF, so a bare CR or LF a client
/// lets through stays visible in <see cref="SmtpDelivery.Data"/>.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<SmtpDelivery> deliveries = new();
    private readonly Task accepting;

    public SmtpSink()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyCollection<SmtpDelivery> Deliveries => deliveries;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new CrlfReader(stream);
                var recipients = new List<string>();
                await WriteAsync(stream, "220 sink.test ESMTP");
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await WriteAsync(stream, "250-sink.test\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8");
                            break;
                        case "AUTH":
                            await AuthenticateAsync(stream, reader, line);
                            break;
                        case "MAIL":
                            recipients.Clear();
                            await WriteAsync(stream, "250 OK");
                            break;
                        case "RCPT":
                            recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                            await WriteAsync(stream, "250 OK");
                            break;
                        case "DATA":
                            await WriteAsync(stream, "354 go ahead");
                            deliveries.Enqueue(new SmtpDelivery([.. recipients], await ReadDataAsync(reader)));
                            await WriteAsync(stream, "250 queued");
                            break;
                        case "QUIT":
                            await WriteAsync(stream, "221 bye");
                            return;
                        case "HELO" or "RSET" or "NOOP":
                            await WriteAsync(stream, "250 OK");
                            break;
                        default:
                            await WriteAsync(stream, "502 not implemented");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away; nothing to keep.
            }
        }
    }

    private async Task AuthenticateAsync(NetworkStream stream, CrlfReader reader, string line)
    {
        var parts = line.Split(' ');
        if (parts.Length >= 2 && parts[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(stream, "334 VXNlcm5hbWU6");
            await reader.ReadLineAsync(stop.Token);
            await WriteAsync(stream, "334 UGFzc3dvcmQ6");
            await reader.ReadLineAsync(stop.Token);
        }
        else if (parts.Length == 2)
        {
            await WriteAsync(stream, "334 ");
            await reader.ReadLineAsync(stop.Token);
        }

        await WriteAsync(stream, "235 2.7.0 Authentication successful");
    }

    private async Task<string> ReadDataAsync(CrlfReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    private async Task WriteAsync(NetworkStream stream, string reply) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), stop.Token);
}
