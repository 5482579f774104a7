namespace SyncHub.Reviews;

/// <summary>A validated <see cref="BetaAppOptions"/>: the app (in one store, or any when <see cref="Store"/> is null) and its beta tracks (none: all of it).</summary>
public sealed record BetaApp(string AppId, string? Store, IReadOnlySet<string> Tracks)
{
    /// <summary>Why a review of this app is a beta (<c>app 1148741252 is listed as beta</c>), or null when it is not one by this entry.</summary>
    public string? Match(ReviewFacts review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.AppId is not { } appId
            || !string.Equals(appId, AppId, StringComparison.OrdinalIgnoreCase)
            || (Store is not null && review.Store != Store))
        {
            return null;
        }

        var app = Store is null ? $"app {AppId}" : $"{Domain.ReviewDiagnostics.StoreName(Store)} app {AppId}";
        if (Tracks.Count == 0)
        {
            return $"{app} is listed as beta ({ReviewOptions.SectionName}:{nameof(ReviewOptions.BetaApps)})";
        }

        return review.Track is { } track && Tracks.Contains(track.Trim().ToLowerInvariant())
            ? $"the {track.Trim()} track of {app} is listed as beta ({ReviewOptions.SectionName}:{nameof(ReviewOptions.BetaApps)})"
            : null;
    }
}
