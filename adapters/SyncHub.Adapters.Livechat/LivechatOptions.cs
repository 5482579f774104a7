using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.Livechat;

/// <summary><c>SyncHub:Adapters:Livechat</c>: the Rocket.Chat omnichannel webhook for offline livechat messages.</summary>
public sealed class LivechatOptions : AdapterOptions, IValidatableObject
{
    /// <summary>
    /// Rocket.Chat's <em>Secret Token</em> (Omnichannel, Webhooks), sent as <c>X-RocketChat-Livechat-Token</c>. Required when
    /// enabled; never logged.
    /// </summary>
    public string Secret { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Secret))
        {
            yield return new ValidationResult("is required when the adapter is enabled (Rocket.Chat's omnichannel webhook Secret Token)", [nameof(Secret)]);
        }
    }
}
