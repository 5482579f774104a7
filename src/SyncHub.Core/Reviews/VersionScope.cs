namespace SyncHub.Reviews;

/// <summary>How much of the app version goes into a frequent-issue signature.</summary>
public enum VersionScope
{
    /// <summary>The whole version: <c>4.2.1</c> and <c>4.2.0</c> are counted apart.</summary>
    Exact,

    /// <summary>Major and minor: <c>4.2.1</c> and <c>4.2.0</c> count together as <c>4.2</c>.</summary>
    Minor,

    /// <summary>No version: every version of the app counts together.</summary>
    Any,
}
