namespace SyncHub.Adapters.AppFollow;

/// <summary>The <c>reviews</c> block of the answer: one page of reviews and the paging.</summary>
internal sealed record AppFollowReviewList(List<AppFollowReview>? List = null, AppFollowPage? Page = null);
