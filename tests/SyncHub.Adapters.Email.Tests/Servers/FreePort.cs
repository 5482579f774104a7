using System.Net;
using System.Net.Sockets;

namespace SyncHub.Adapters.Email.Tests.Servers;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>, or fails with <paramref name="describeFailure"/>.</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> exited, Func<string> describeFailure)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (exited())
            {
                throw new InvalidOperationException(describeFailure());
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                return;
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException("not listening after 30 s: " + describeFailure());
            }

            try
            {
                await Task.Delay(25, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException("not listening after 30 s: " + describeFailure());
            }
        }
    }
}
