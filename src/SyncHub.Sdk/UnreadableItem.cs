namespace SyncHub.Adapters;

/// <summary>
/// An item of a polled page that could not become a record (a field of the wrong type, no id): the core keeps it in the
/// dead-letter list with the reason and the item as the tool sent it, before the cursor moves past it, so one odd item
/// neither blocks the source nor is lost.
/// </summary>
/// <param name="ExternalId">The item's id in the tool, as far as it could be read; null when it has none.</param>
/// <param name="Reason">Why it could not be read, naming the field.</param>
/// <param name="Payload">The item as the tool sent it (its JSON), for an operator to look at.</param>
public sealed record UnreadableItem(string? ExternalId, string Reason, string Payload);
