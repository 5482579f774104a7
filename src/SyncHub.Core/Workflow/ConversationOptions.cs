using System.ComponentModel.DataAnnotations;

namespace SyncHub.Workflow;

/// <summary><c>SyncHub:Conversations</c>: how customers' answers come back onto tickets.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "SyncHub:Conversations";

    /// <summary>
    /// How long after a ticket was solved a customer's answer reopens it; after that (and always after Closed) the
    /// answer opens a new ticket linked to the old one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);
}
