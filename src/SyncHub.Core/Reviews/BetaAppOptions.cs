namespace SyncHub.Reviews;

/// <summary>
/// <c>SyncHub:Reviews:BetaApps:&lt;n&gt;</c>: an app whose reviews are betas whatever their version: a separate beta
/// app (a TestFlight-only App Store id, a <c>.beta</c> package), or, with <see cref="Tracks"/>, only the named tracks
/// of an app.
/// </summary>
public sealed class BetaAppOptions
{
    /// <summary>The app's store id, as the review source reports it (AppFollow's <c>ext_id</c>): App Store numeric id or Google Play package name.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's store, <c>gp</c>/<c>GooglePlay</c> or <c>as</c>/<c>AppStore</c>; empty: the app id in any store.</summary>
    public string? Store { get; set; }

    /// <summary>The app's tracks that are beta builds; empty: every review of the app is a beta.</summary>
    public List<string> Tracks { get; set; } = [];
}
