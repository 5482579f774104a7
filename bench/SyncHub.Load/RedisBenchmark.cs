using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SyncHub.Load;

/// <summary>
/// Runs <c>redis-benchmark</c> (redis-tools) against the same server with the same number of clients, without pipelining,
/// for one command line, and reads its requests per second from the <c>-q</c> summary.
/// </summary>
internal static partial class RedisBenchmark
{
    public static async Task<double?> RunAsync(string host, int port, string? password, int clients, int requests, IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo("redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-r", "1000000000", "-P", "1", "-q" })
        {
            start.ArgumentList.Add(argument);
        }

        if (password is not null)
        {
            start.ArgumentList.Add("-a");
            start.ArgumentList.Add(password);
        }

        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            // The -q summary ends with "... NNNNN.NN requests per second, p50=0.123 msec"; progress lines are overwritten with \r.
            var matches = Rate().Matches(output);
            return matches.Count == 0 ? null : double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();
}
