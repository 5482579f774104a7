namespace SyncHub.Domain;

/// <summary>Can the problem be reproduced consistently, or does it come and go?</summary>
public enum Reproducibility
{
    Unknown,
    Reproducible,
    Intermittent,
}
