using System.Net;
using System.Net.Sockets;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>A TCP server on a free loopback port that hands each connection to <see cref="ServeAsync"/> until disposed.</summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task accepting;

    protected LoopbackServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    protected CancellationTokenSource Stopping { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Stopping.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        Stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Talks to one client; the client is disposed afterwards.</summary>
    protected abstract Task ServeAsync(TcpClient client);

    private async Task AcceptAsync()
    {
        while (!Stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(Stopping.Token);
            _ = ServeAndCloseAsync(client);
        }
    }

    private async Task ServeAndCloseAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side hung up.
            }
        }
    }
}
