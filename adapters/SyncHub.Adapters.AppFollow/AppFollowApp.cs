namespace SyncHub.Adapters.AppFollow;

/// <summary><c>SyncHub:Adapters:AppFollow:Apps:&lt;n&gt;</c>: one app in one store.</summary>
public sealed class AppFollowApp
{
    /// <summary>The app's store id, AppFollow's <c>ext_id</c>: the App Store's numeric id or the Google Play package name.</summary>
    public string AppId { get; set; } = "";

    /// <summary><c>GooglePlay</c> (<c>gp</c>) or <c>AppStore</c> (<c>as</c>).</summary>
    public string Store { get; set; } = "";

    /// <summary>The store code (<c>gp</c>, <c>as</c>), or null when <see cref="Store"/> names no store.</summary>
    internal string? StoreCode => AppFollowStores.Normalize(Store);

    /// <summary>The app's key in the cursor: <c>gp:chat.rocket.android</c>.</summary>
    internal string Key => $"{StoreCode}:{AppId.Trim()}";
}
