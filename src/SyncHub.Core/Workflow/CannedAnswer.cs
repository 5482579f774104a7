namespace SyncHub.Workflow;

/// <summary>A reply text agents reuse; its body may hold <c>{{requester.name}}</c>, <c>{{ticket.number}}</c>, <c>{{agent.name}}</c>.</summary>
public sealed record CannedAnswer(string Id, string Title, string Body)
{
    public const int MaxTitleLength = 200;

    public const int MaxBodyLength = 10_000;

    /// <summary>The problem with a title or body as a field and its words, or null.</summary>
    public static (string Field, string Detail)? Problem(string? title, string? body) =>
        string.IsNullOrWhiteSpace(title) ? ("title", "is required")
        : title.Length > MaxTitleLength ? ("title", $"is longer than {MaxTitleLength} characters")
        : title.Any(char.IsControl) ? ("title", "must be one line without control characters")
        : string.IsNullOrWhiteSpace(body) ? ("body", "is required")
        : body.Length > MaxBodyLength ? ("body", $"is longer than {MaxBodyLength} characters")
        : null;
}
