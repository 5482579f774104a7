using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>An SMTP server that offers AUTH and refuses every login with 535, as a server does for a wrong password.</summary>
public sealed class SmtpAuthRefuser : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public SmtpAuthRefuser()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = TalkAsync(client);
        }
    }

    private async Task TalkAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 smtp.synchub.test ESMTP");
                while (await reader.ReadLineAsync(stopping.Token) is { } line)
                {
                    var command = line.Split(' ')[0].ToUpperInvariant();
                    var answer = command switch
                    {
                        "EHLO" => "250-smtp.synchub.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME",
                        "HELO" => "250 smtp.synchub.test",
                        "AUTH" => "535 5.7.8 Authentication credentials invalid",
                        "QUIT" => "221 2.0.0 Bye",
                        _ => "503 5.5.1 Authentication required",
                    };
                    await writer.WriteLineAsync(answer);
                    if (command == "QUIT")
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up.
            }
        }
    }
}
