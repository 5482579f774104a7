using System.ComponentModel.DataAnnotations;
using SyncHub.Adapters;

namespace SyncHub.Adapters.WebForm;

/// <summary><c>SyncHub:Adapters:WebForm</c>: the support-portal and website contact-form webhook.</summary>
public sealed class WebFormOptions : AdapterOptions, IValidatableObject
{
    /// <summary>
    /// The shared secret a server-side relay sends as <c>Authorization: Bearer &lt;token&gt;</c> to <c>/api/intake/web</c>.
    /// Required when enabled, unless only the public mode is used (then the relay route refuses every request).
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>Longest accepted message, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxMessageLength { get; set; } = 100_000;

    /// <summary>The public mode: a form in a visitor's browser posts without a token (<see cref="PublicFormOptions"/>).</summary>
    public PublicFormOptions Public { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Token) && !Public.Enabled)
        {
            yield return new ValidationResult("is required when the adapter is enabled (or turn on Public:Enabled for a browser form)", [nameof(Token)]);
        }

        foreach (var result in Public.Validate(nameof(Public)))
        {
            yield return result;
        }
    }
}
