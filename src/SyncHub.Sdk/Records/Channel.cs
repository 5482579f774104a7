namespace SyncHub.Domain;

/// <summary>The way a request reached support; shown as the ticket's channel in the history and the API.</summary>
public enum Channel
{
    Web,
    Email,
    Twitter,
    Facebook,
    Chat,
    Phone,
    AppReview,
    Internal,
}
