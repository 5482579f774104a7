namespace SyncHub.Adapters;

/// <summary>What the tool answered to a delivered outbox event: the id it gave the message (tweet id, Messenger message
/// id, SMTP queue id), shown on the ticket beside the reply, if it gave one.</summary>
/// <param name="ToolMessageId">The tool's id of the sent message, if any.</param>
public sealed record DeliveryReceipt(string? ToolMessageId)
{
    /// <summary>Delivered; the tool gave no id.</summary>
    public static DeliveryReceipt Sent { get; } = new((string?)null);
}
