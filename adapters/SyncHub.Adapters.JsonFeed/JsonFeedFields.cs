namespace SyncHub.Adapters.JsonFeed;

/// <summary>
/// <c>SyncHub:Adapters:JsonFeed:Fields</c>: where each ticket field is found in a feed item, as a JSONPath from the item
/// (<c>$.requester.email</c>). An empty path leaves the field out.
/// </summary>
public sealed class JsonFeedFields
{
    /// <summary>The item's own id: the ticket's external id. Missing: a hash of the item's JSON.</summary>
    public string ExternalId { get; set; } = "$.id";

    /// <summary>Missing: the first line of the body.</summary>
    public string Subject { get; set; } = "$.subject";

    public string Body { get; set; } = "$.body";

    public string RequesterName { get; set; } = "$.requester.name";

    public string RequesterEmail { get; set; } = "$.requester.email";

    public string RequesterPhone { get; set; } = "";

    /// <summary>An ISO 8601 instant or Unix seconds. Missing: the time the item was read.</summary>
    public string ReceivedAt { get; set; } = "$.createdAt";

    /// <summary>A channel name (<c>Web</c>, <c>Email</c>, <c>Chat</c>...). Missing or unknown: <c>DefaultChannel</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>The fields by their configuration key, for validation and parsing.</summary>
    internal IEnumerable<(string Key, string Path)> All() =>
    [
        (nameof(ExternalId), ExternalId),
        (nameof(Subject), Subject),
        (nameof(Body), Body),
        (nameof(RequesterName), RequesterName),
        (nameof(RequesterEmail), RequesterEmail),
        (nameof(RequesterPhone), RequesterPhone),
        (nameof(ReceivedAt), ReceivedAt),
        (nameof(Channel), Channel),
    ];
}
