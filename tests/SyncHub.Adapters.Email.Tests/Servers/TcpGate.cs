using System.Net;
using System.Net.Sockets;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>
/// A loopback port in front of a real server: while open it passes every connection through, while closed it hangs
/// up on each one at once, as a server that is down does. The same host and port before and after an outage.
/// </summary>
public sealed class TcpGate(int target) : LoopbackServer
{
    public bool Open { get; set; } = true;

    protected override async Task ServeAsync(TcpClient client)
    {
        if (!Open)
        {
            return;
        }

        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, target, Stopping.Token);
        var toServer = client.GetStream().CopyToAsync(server.GetStream(), Stopping.Token);
        var toClient = server.GetStream().CopyToAsync(client.GetStream(), Stopping.Token);
        await Task.WhenAny(toServer, toClient);
    }
}
