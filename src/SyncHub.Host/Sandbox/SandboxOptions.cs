using System.ComponentModel.DataAnnotations;

namespace SyncHub.Host.Sandbox;

/// <summary>
/// <c>SyncHub:Sandbox</c>: made-up requests of every channel for the zero-setup run. On in
/// <c>appsettings.Development.json</c>, off by default, refused outside the Development environment.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "SyncHub:Sandbox";

    public bool Enabled { get; set; }

    /// <summary>The wait between two made-up requests; the channels take turns, so all appear within eight intervals.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The sandbox stops after this many requests, so a dev session left running stays small.</summary>
    [Range(1, 100_000)]
    public int MaxTickets { get; set; } = 500;

    /// <summary>Puts a few made-up CRM accounts into the account directory, so tickets get plans, SLAs and departments.</summary>
    public bool SeedAccounts { get; set; } = true;
}
