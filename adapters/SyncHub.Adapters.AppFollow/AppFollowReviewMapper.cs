using System.Globalization;
using System.Text;
using SyncHub.Domain;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Turns an AppFollow review into an <see cref="IntakeRecord"/>: channel AppReview, the author as requester, the title
/// (or the first words of the text) as subject, the text as body, and rating, version, store, locale, device, app id and
/// track as diagnostics, plus the answer the store already shows (<see cref="ReviewDiagnostics.AnswerText"/>,
/// <see cref="ReviewDiagnostics.AnsweredAt"/>). The first version of a review has the review's key as external id; an
/// edited version has its own (<see cref="AppFollowReviewKey.Edited"/>) and the same thread key, so it lands in the
/// review's ticket history. Every record carries the <see cref="ReplyRoute"/> of an answer through AppFollow.
/// </summary>
internal static class AppFollowReviewMapper
{
    public const string SourceName = "AppFollow";

    /// <summary>The longest subject taken from the text of a review without a title, in text elements (an emoji is one).</summary>
    public const int SubjectLength = 60;

    public static IntakeRecord? ToRecord(AppFollowApp app, AppFollowReview review, DateTimeOffset now)
    {
        if (review.Id is not { } reviewId || app.StoreCode is not { } store)
        {
            return null;
        }

        var key = new AppFollowReviewKey(store, app.AppId.Trim(), reviewId);
        var written = Instant(review.Date, review.Time) ?? now;
        var edited = review.Edited;
        var updated = edited ? Instant(review.Updated) ?? written : written;
        var content = review.Content?.Trim() ?? "";
        var subject = string.IsNullOrWhiteSpace(review.Title) ? FirstWords(content) : review.Title.Trim();
        if (edited)
        {
            subject = $"Edited review{(review.Rating is { } r ? $" ({r.ToString(CultureInfo.InvariantCulture)}★)" : "")}: {subject}";
        }

        var diagnostics = new Dictionary<string, string>
        {
            [ReviewDiagnostics.Store] = store,
            [ReviewDiagnostics.AppId] = key.AppId,
            ["reviewId"] = reviewId,
        };
        Add(diagnostics, ReviewDiagnostics.Rating, review.Rating?.ToString(CultureInfo.InvariantCulture));
        Add(diagnostics, ReviewDiagnostics.AppVersion, review.AppVersion);
        Add(diagnostics, ReviewDiagnostics.Locale, review.Locale);
        Add(diagnostics, ReviewDiagnostics.Device, review.Device);
        Add(diagnostics, ReviewDiagnostics.Track, review.Track);
        Add(diagnostics, "country", review.Country);
        if (edited)
        {
            diagnostics["edited"] = "true";
            diagnostics["updatedAt"] = updated.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }

        if (review.Answer is { } answer)
        {
            diagnostics[ReviewDiagnostics.AnswerText] = answer;
            if (Instant(review.AnswerDate) is { } answeredAt)
            {
                diagnostics[ReviewDiagnostics.AnsweredAt] = answeredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            }
        }

        return new IntakeRecord
        {
            Source = SourceName,
            ExternalId = edited ? key.Edited(updated) : key.ToString(),
            ThreadKey = key.ThreadKey,
            Channel = Channel.AppReview,
            Requester = new Requester(Name: string.IsNullOrWhiteSpace(review.Author) ? null : review.Author.Trim()),
            Subject = subject.Length == 0 ? $"Review on {ReviewDiagnostics.StoreName(store)}" : subject,
            Body = content,
            ReceivedAt = edited ? updated : written,
            Diagnostics = diagnostics,
            ReplyRoute = Route(key),
        };
    }

    /// <summary>
    /// An answer goes back as a <see cref="ReviewEvents.Reply"/> through AppFollow: the review's key (always the first
    /// version's, also for an edit) with its app and store, so the notifier needs nothing else.
    /// </summary>
    public static ReplyRoute Route(AppFollowReviewKey key) => new()
    {
        EventType = ReviewEvents.Reply,
        Data = new Dictionary<string, string>
        {
            [ReviewEvents.ReviewId] = key.ToString(),
            [ReviewDiagnostics.AppId] = key.AppId,
            [ReviewDiagnostics.Store] = key.Store,
        },
        Destination = $"reply to the {ReviewDiagnostics.StoreName(key.Store)} review",
        Setting = $"{AppFollowOptions.Section}:{nameof(AppFollowOptions.ApiToken)}",
    };

    /// <summary>The first words of <paramref name="text"/>, at most <see cref="SubjectLength"/> text elements, never cutting an emoji or a word.</summary>
    public static string FirstWords(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = StringInfo.GetTextElementEnumerator(line);
        var result = new StringBuilder();
        var count = 0;
        var lastSpace = -1;
        while (elements.MoveNext())
        {
            if (count == SubjectLength)
            {
                var cut = lastSpace > 0 ? result.ToString(0, lastSpace) : result.ToString();
                return cut.TrimEnd() + "…";
            }

            var element = elements.GetTextElement();
            if (element == " ")
            {
                lastSpace = result.Length;
            }

            result.Append(element);
            count++;
        }

        return result.ToString();
    }

    /// <summary><c>YYYY-MM-DD</c> plus <c>HH:MM:SS</c> (or one <c>YYYY-MM-DD HH:MM:SS</c>), read as UTC.</summary>
    private static DateTimeOffset? Instant(string? date, string? time = null)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return null;
        }

        var text = string.IsNullOrWhiteSpace(time) ? date.Trim() : $"{date.Trim()} {time.Trim()}";
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
    }

    private static void Add(Dictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[key] = value.Trim();
        }
    }
}
