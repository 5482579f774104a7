using System.ComponentModel.DataAnnotations;
using SyncHub.Adapters;

namespace SyncHub.Adapters.WebForm;

/// <summary><c>SyncHub:Adapters:WebForm</c>: the support-portal and website contact-form webhook.</summary>
public sealed class WebFormOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The shared secret the forms send as <c>Authorization: Bearer &lt;token&gt;</c>. Required when enabled.</summary>
    public string Token { get; set; } = "";

    /// <summary>Longest accepted message, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxMessageLength { get; set; } = 100_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("is required when the adapter is enabled", [nameof(Token)]);
        }
    }
}
