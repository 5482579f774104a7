using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace SyncHub.Redis;

/// <summary>
/// Closes the Redis connection without waiting for commands still in flight, as the last step of the host's stop (it is
/// registered before every other hosted service, so it stops after them: the pipeline has drained what it could by
/// then). Disposing the multiplexer instead lets pending commands complete, which with Redis paused or unreachable takes
/// the command timeout and makes the process outlive <c>SyncHub:ShutdownTimeout</c>. A record whose command is cut off
/// this way was never acknowledged: its sender retries.
/// </summary>
internal sealed class RedisConnectionCloser(IConnectionMultiplexer connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Not bounded by the token: by the time the host reaches this last service its stop time may be spent, and a
        // close abandoned half-way would leave the multiplexer's own disposal to wait for the commands in flight.
        connection.Close(allowCommandsToComplete: false);
        return Task.CompletedTask;
    }
}
