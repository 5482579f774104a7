namespace SyncHub.Adapters.WebForm;

/// <summary>A fixed-window limit: at most <see cref="PermitLimit"/> submissions per <see cref="Window"/>.</summary>
public sealed class FormRateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
