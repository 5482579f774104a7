using System.Net;
using System.Net.Sockets;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>
/// A loopback port in front of a real server: while open it passes every connection through, while closed it hangs
/// up on each one at once, as a server that is down does. The same host and port before and after an outage.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly int target;
    private readonly Task accepting;

    public TcpGate(int target)
    {
        this.target = target;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public bool Open { get; set; } = true;

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
            if (!Open)
            {
                client.Dispose();
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, target, stopping.Token);
                var toServer = client.GetStream().CopyToAsync(server.GetStream(), stopping.Token);
                var toClient = server.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side hung up.
            }
        }
    }
}
