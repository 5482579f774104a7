using System.Net;
using System.Net.Sockets;

namespace SyncHub.Testing.Redis;

/// <summary>
/// A TCP proxy on a free loopback port in front of a server: it forwards everything, and while
/// <see cref="HoldReplies"/> is on it passes the client's requests through but keeps the server's answers back until
/// <see cref="Release"/>. So a write reaches Redis and is applied while the caller times out waiting for the answer:
/// the outcome a retry must not repeat.
/// </summary>
public sealed class HoldingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private volatile TaskCompletionSource released = Released();
    private volatile byte[]? marker;

    public HoldingProxy(IPEndPoint target)
    {
        this.target = target;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>From now on the server's answers wait until <see cref="Release"/>.</summary>
    public void HoldReplies() => released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Holds the server's answers from the first request that carries <paramref name="marker"/> (e.g. an idempotency key
    /// among a script's arguments): that request still reaches the server, its answer does not come back.
    /// </summary>
    public void HoldRepliesAfter(string marker) => this.marker = System.Text.Encoding.UTF8.GetBytes(marker);

    /// <summary>Lets the held answers (and every later one) through.</summary>
    public void Release() => released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
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

    private static TaskCompletionSource Released()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => PipeAsync(client));
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(target, stop.Token);
                var up = CopyWatchedAsync(client.GetStream(), server.GetStream());
                var down = CopyHeldAsync(server.GetStream(), client.GetStream());
                await Task.WhenAny(up, down);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task CopyWatchedAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, stop.Token);
            if (read == 0)
            {
                return;
            }

            if (marker is { } watched && buffer.AsSpan(0, read).IndexOf(watched) >= 0)
            {
                marker = null;
                HoldReplies();
            }

            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }

    private async Task CopyHeldAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, stop.Token);
            if (read == 0)
            {
                return;
            }

            await released.Task.WaitAsync(stop.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }
}
