using System.ComponentModel.DataAnnotations;
using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary><c>SyncHub:Routing</c>: default priorities per channel and the department rules.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "SyncHub:Routing";

    /// <summary>The priority of a ticket whose sender gave none and whose channel has no default.</summary>
    [EnumDataType(typeof(Priority))]
    public Priority DefaultPriority { get; set; } = Priority.Low;

    /// <summary>Per-channel default priorities; e-mail tickets start at Medium, as the support process says.</summary>
    public Dictionary<Channel, Priority> ChannelPriorities { get; set; } = new() { [Channel.Email] = Priority.Medium };

    /// <summary>Words that raise a ticket to High wherever they appear in the subject or body ("system down").</summary>
    public List<string> HighPriorityPhrases { get; set; } = ["system down", "outage", "production down", "all users"];
}
