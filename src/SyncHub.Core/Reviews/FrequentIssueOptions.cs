using System.ComponentModel.DataAnnotations;

namespace SyncHub.Reviews;

/// <summary>
/// <c>SyncHub:Reviews:Frequent</c>: an issue is frequent when <see cref="Threshold"/> reviews with the same signature
/// (the vocabulary concepts they mention, the app and its version) arrive within <see cref="Window"/>.
/// </summary>
public sealed class FrequentIssueOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How many reviews of one signature within the window make it frequent.</summary>
    [Range(2, 10_000)]
    public int Threshold { get; set; } = 5;

    /// <summary>
    /// The sliding window. A signature known frequent stays known (and sends no new alert) until a whole window passes
    /// without a new review of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How much of the version goes into the signature: <c>Exact</c>, <c>Minor</c> or <c>Any</c>.</summary>
    [EnumDataType(typeof(VersionScope))]
    public VersionScope VersionScope { get; set; } = VersionScope.Exact;
}
