namespace SyncHub.Adapters;

/// <summary>
/// Settings every adapter has, bound from <c>SyncHub:Adapters:&lt;Name&gt;</c>. Adapters derive their own
/// sealed options from it and add credentials and tool-specific keys.
/// </summary>
public class AdapterOptions
{
    /// <summary>Switches the adapter on; a disabled adapter is not registered at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The tool's API root; tests and the sandbox point it at local servers.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long a polling source waits between polls when it has caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The timeout of one HTTP call to the tool.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
