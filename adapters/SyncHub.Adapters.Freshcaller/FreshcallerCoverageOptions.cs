namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// <c>SyncHub:Adapters:Freshcaller:Coverage</c>: the hotline shifts whose agent availability the hub checks in
/// Freshcaller. Off while no shift is configured.
/// </summary>
public sealed class FreshcallerCoverageOptions
{
    /// <summary>The user <c>status</c> that counts as available while <see cref="AvailableStatuses"/> is empty: online.</summary>
    public const int OnlineStatus = 1;

    /// <summary>The shifts; none: no coverage check.</summary>
    public IList<FreshcallerShift> Shifts { get; } = [];

    /// <summary>How often availability is checked while a shift is on (at multiples of it on the clock: :00, :05 ...).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The values of a user's <c>status</c> that count as available. Empty: online (<c>1</c>) only; add the code
    /// your account uses for "on a call" to count agents busy on a call as covering the shift.
    /// </summary>
    public IList<int> AvailableStatuses { get; } = [];
}
