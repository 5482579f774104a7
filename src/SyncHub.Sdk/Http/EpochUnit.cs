namespace SyncHub.Adapters;

/// <summary>The unit of a Unix epoch time a tool sends in a header.</summary>
public enum EpochUnit
{
    Seconds,
    Milliseconds,
}
