using System.Globalization;

namespace SyncHub.Load;

/// <summary>One measured run: answers by status, and the latencies of the 2xx answers (request sent to answer read).</summary>
internal sealed record LoadResult(TimeSpan Elapsed, IReadOnlyDictionary<int, long> Statuses, long Errors, double[] LatenciesMs, long RetryAfterAnswers)
{
    public long Succeeded => Statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);

    public double Rate => Succeeded / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }

    public string StatusSummary =>
        string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value:N0}")))
        + (Errors > 0 ? string.Create(CultureInfo.InvariantCulture, $", no answer: {Errors:N0}") : "");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rate,9:N0} /s  p50 {Percentile(50),6:F2} ms  p99 {Percentile(99),6:F2} ms  ({StatusSummary})");
}
