namespace SyncHub.Workflow;

/// <summary>Is the problem a missing feature, and is there a feature request for it?</summary>
public enum FeatureOutcome
{
    None,
    ExistingRequest,
    NewRequest,
}
