using System.ComponentModel.DataAnnotations;
using SyncHub.Domain;

namespace SyncHub.Reviews;

/// <summary>
/// <c>SyncHub:Reviews</c>: how app-store reviews are routed and watched. Reviews of beta versions go to the in-house
/// team, the others to the remote support team; priority comes from the rating and the wording; critical reviews and
/// frequent issues alert the mobile team in chat. Rules and the vocabulary merge with the built-in defaults by id
/// (see the AppFollow adapter's README).
/// </summary>
public sealed class ReviewOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Reviews";

    /// <summary>The team that answers reviews of beta versions (and test tracks).</summary>
    public string InHouseTeam { get; set; } = "mobile-inhouse";

    /// <summary>The team that answers every other review.</summary>
    public string RemoteTeam { get; set; } = "remote-support";

    /// <summary>A .NET regular expression (case-insensitive) that marks an app version as a beta.</summary>
    public string BetaVersionPattern { get; set; } = @"beta|rc|-b\d";

    /// <summary>Store tracks that are betas. Null: <c>beta</c>, <c>alpha</c>, <c>internal</c>, <c>testflight</c>, <c>test</c>.</summary>
    public List<string>? BetaTracks { get; set; }

    /// <summary>
    /// Apps that are beta builds whatever their version: each an app id (and optionally its store), all of its reviews
    /// or only those of its listed tracks. Checked before the tracks and the version pattern.
    /// </summary>
    public List<BetaAppOptions> BetaApps { get; set; } = [];

    /// <summary>The priority of a review no priority rule matched.</summary>
    [EnumDataType(typeof(Priority))]
    public Priority DefaultPriority { get; set; } = Priority.Low;

    /// <summary>Priority rules by id for app-review tickets, merged with the defaults (<c>critical-wording</c>, <c>low-rating</c>).</summary>
    public Dictionary<string, ReviewRuleOptions> PriorityRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What makes a review critical. Null: a rating of 2 or less mentioning a crash, a login problem or lost data.</summary>
    public ReviewConditionOptions? Critical { get; set; }

    /// <summary>Sends the critical-review alert (default <c>true</c>).</summary>
    public bool CriticalAlerts { get; set; } = true;

    public FrequentIssueOptions Frequent { get; set; } = new();

    /// <summary>
    /// Concepts and their terms, merged with the default vocabulary by concept (<c>crash</c>, <c>login</c>,
    /// <c>data-loss</c>, <c>connection</c>, <c>notifications</c>, <c>battery</c>); a configured concept replaces its terms,
    /// an empty list removes it.
    /// </summary>
    public Dictionary<string, List<string>> Vocabulary { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The chat room of the mobile team, where review alerts go.</summary>
    public string MobileChannel { get; set; } = "#mobile";

    /// <summary>A chat user to mention in review alerts (without '@'); empty mentions nobody.</summary>
    public string MobileMention { get; set; } = "";

    /// <summary>
    /// A review older than this when it arrives (the first sync of a history) is routed and counted but sends no alert.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxAlertAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A link to the ticket for alerts, with <c>{number}</c> and <c>{id}</c>, e.g. <c>https://support.example.com/#/tickets/{number}</c>. Empty: none.</summary>
    public string TicketLink { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ReviewRules.Validate(this).Select(error => error.ToValidationResult());
}
