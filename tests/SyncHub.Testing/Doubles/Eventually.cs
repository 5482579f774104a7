namespace SyncHub.Testing.Doubles;

/// <summary>Waits for a condition that background work will make true, failing after a generous bound.</summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            try
            {
                await Task.Delay(5, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("the condition did not become true in time");
            }
        }
    }
}
