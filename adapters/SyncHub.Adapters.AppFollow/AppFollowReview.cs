using System.Text.Json;

namespace SyncHub.Adapters.AppFollow;

/// <summary>A review as AppFollow's reviews method returns it (the documented fields this adapter reads).</summary>
internal sealed record AppFollowReview
{
    /// <summary>The review's id in its store: a number (App Store) or a string (Google Play).</summary>
    public JsonElement? ReviewId { get; init; }

    public string? Store { get; init; }

    public string? AppVersion { get; init; }

    public int? Rating { get; init; }

    public string? Title { get; init; }

    public string? Content { get; init; }

    public string? Author { get; init; }

    /// <summary>The review's date as the store shows it (<c>YYYY-MM-DD</c>); an edited review shows the edit's date.</summary>
    public string? Date { get; init; }

    /// <summary><c>HH:MM:SS</c>.</summary>
    public string? Time { get; init; }

    public string? Locale { get; init; }

    public string? Country { get; init; }

    public string? Device { get; init; }

    /// <summary>1 when the author changed the review after writing it (documented as 1/0; true/false and "1" are read too).</summary>
    public JsonElement? WasChanged { get; init; }

    /// <summary>When the review was last changed (<c>YYYY-MM-DD HH:MM:SS</c>), where AppFollow tells it.</summary>
    public string? Updated { get; init; }

    /// <summary>The store's release track (beta, internal testing...), where the store tells it.</summary>
    public string? Track { get; init; }

    /// <summary>The answer the store shows for the review (empty when none).</summary>
    public string? AnswerText { get; init; }

    /// <summary>1 when the review has an answer in the store (documented as 1/0; true/false and "1" are read too).</summary>
    public JsonElement? HasAnswer { get; init; }

    /// <summary>When the answer was given: documented as <c>YYYY-MM-DD</c>; <c>YYYY-MM-DD HH:MM:SS</c> is read too (UTC).</summary>
    public string? AnswerDate { get; init; }

    /// <summary>The store's answer, when the review has one: <c>has_answer</c> set, or an <c>answer_text</c> without it.</summary>
    public string? Answer =>
        !string.IsNullOrWhiteSpace(AnswerText) && (HasAnswer is null or { ValueKind: JsonValueKind.Null } || Flag(HasAnswer))
            ? AnswerText.Trim()
            : null;

    /// <summary>True when <see cref="WasChanged"/> says the review was edited.</summary>
    public bool Edited => Flag(WasChanged);

    /// <summary>The review id as text, or null when it has none.</summary>
    public string? Id => ReviewId switch
    {
        { ValueKind: JsonValueKind.String } id => id.GetString() is { Length: > 0 } text ? text.Trim() : null,
        { ValueKind: JsonValueKind.Number } id => id.GetRawText(),
        _ => null,
    };

    /// <summary>A documented 1/0 flag (true/false and "1"/"true" read too).</summary>
    private static bool Flag(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } number => number.TryGetInt32(out var value) && value > 0,
        { ValueKind: JsonValueKind.String } text => text.GetString() is "1" or "true",
        _ => false,
    };
}
