namespace SyncHub.Domain;

/// <summary>
/// The <see cref="Domain.IntakeRecord.Diagnostics"/> keys a phone source fills (Freshcaller does) and the call
/// follow-up mail reads. The call notes themselves stay the record's body, for agents only.
/// </summary>
public static class CallDiagnostics
{
    /// <summary>
    /// The part of the call notes the agent marked as meant for the caller (the Freshcaller adapter takes it from a
    /// line starting with its configured marker); the follow-up mail sends this and never the rest of the notes.
    /// </summary>
    public const string CustomerSummary = "customerSummary";

    /// <summary>The call's length in whole seconds.</summary>
    public const string Duration = "duration";

    /// <summary>The name of the agent who took the call.</summary>
    public const string Agent = "agent";
}
