using System.Diagnostics;

namespace SyncHub.Load;

/// <summary>Samples a process's resident set size every <c>interval</c> until disposed.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly List<(TimeSpan At, long Bytes)> samples = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public MemorySampler(Func<long> read, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                do
                {
                    var bytes = read();
                    lock (samples)
                    {
                        samples.Add((clock.Elapsed, bytes));
                    }
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        });
    }

    public IReadOnlyList<(TimeSpan At, long Bytes)> Samples
    {
        get
        {
            lock (samples)
            {
                return [.. samples];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
