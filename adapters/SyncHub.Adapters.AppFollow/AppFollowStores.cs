namespace SyncHub.Adapters.AppFollow;

/// <summary>AppFollow's store codes: <c>gp</c> (Google Play) and <c>as</c> (App Store); configuration may use the names.</summary>
internal static class AppFollowStores
{
    public const string GooglePlay = "gp";
    public const string AppStore = "as";

    /// <summary>The store code for a code or name (<c>GooglePlay</c>, <c>google play</c>, <c>android</c>, <c>AppStore</c>, <c>ios</c>...), or null.</summary>
    public static string? Normalize(string? store) =>
        new string([.. (store ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]) switch
        {
            "gp" or "googleplay" or "google" or "android" or "play" => GooglePlay,
            "as" or "appstore" or "apple" or "ios" or "itunes" => AppStore,
            _ => null,
        };
}
