namespace SyncHub.Host.Tests;

/// <summary>The repository's own files (Dockerfile, compose, settings) for the tests that check what ships.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>SyncHub.sln</c>, found upwards from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A <c>KEY=value</c> environment file (comments and blank lines skipped) as configuration keys (<c>__</c> → <c>:</c>).</summary>
    public static Dictionary<string, string?> EnvironmentFile(string path) =>
        File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Replace("__", ":", StringComparison.Ordinal), l => (string?)l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyncHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no SyncHub.sln above {AppContext.BaseDirectory}");
    }
}
