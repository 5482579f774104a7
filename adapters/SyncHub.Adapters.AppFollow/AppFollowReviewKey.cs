using System.Globalization;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Names a review everywhere SyncHub keeps it: <c>{store}:{appId}:{reviewId}</c> (<c>gp:chat.rocket.android:gp:AOqpTOF...</c>,
/// <c>as:1148741252:884964243</c>). Review ids are unique within a store only, so the store qualifies them; the app id
/// lets a reply be posted from the ticket's external id alone. An edited version of a review is
/// <c>{key}@{yyyyMMddTHHmmssZ}</c> (its own idempotency key) and threads onto the review's ticket by <see cref="ThreadKey"/>.
/// </summary>
internal sealed record AppFollowReviewKey(string Store, string AppId, string ReviewId)
{
    public const string ThreadPrefix = "appfollow:review:";

    private const string EditFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string ThreadKey => ThreadPrefix + this;

    public override string ToString() => $"{Store}:{AppId}:{ReviewId}";

    /// <summary>The external id of the version of the review changed at <paramref name="updatedAt"/>.</summary>
    public string Edited(DateTimeOffset updatedAt) =>
        $"{this}@{updatedAt.UtcDateTime.ToString(EditFormat, CultureInfo.InvariantCulture)}";

    /// <summary>Reads a key or an edited version's external id (the ticket's external id, a reply event's <c>reviewId</c>).</summary>
    public static bool TryParse(string? text, out AppFollowReviewKey key)
    {
        key = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var at = value.LastIndexOf('@');
        if (at > 0 && DateTime.TryParseExact(value[(at + 1)..], EditFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            value = value[..at];
        }

        var parts = value.Split(':', 3);
        if (parts.Length != 3 || AppFollowStores.Normalize(parts[0]) is not { } store || parts[0] != store || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        key = new AppFollowReviewKey(store, parts[1], parts[2]);
        return true;
    }
}
