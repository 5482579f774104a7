namespace SyncHub.Adapters.AppFollow;

/// <summary>One page of an app's reviews, and the number of the next page (null on the last).</summary>
internal sealed record AppFollowReviewsPage(IReadOnlyList<AppFollowReview> Reviews, int? NextPage);
