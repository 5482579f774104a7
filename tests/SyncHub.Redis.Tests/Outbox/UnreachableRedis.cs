using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SyncHub.Redis.Tests.Outbox;

/// <summary>A connection to a loopback port nobody listens on: every call fails as when Redis is down.</summary>
internal static class UnreachableRedis
{
    public static Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{ClosedPort().ToString(CultureInfo.InvariantCulture)}");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        options.SyncTimeout = 200;
        options.AsyncTimeout = 200;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
