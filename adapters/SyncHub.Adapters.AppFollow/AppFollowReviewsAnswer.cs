namespace SyncHub.Adapters.AppFollow;

/// <summary>The answer of <c>GET reviews</c>: <c>{"reviews": {"list": [...], "page": {"next", "prev", "total"}}}</c>.</summary>
internal sealed record AppFollowReviewsAnswer(AppFollowReviewList? Reviews = null);
