using System.ComponentModel.DataAnnotations;

namespace SyncHub.Host.Configuration;

/// <summary><c>SyncHub:Api</c>: the keys agents and tools send as <c>X-Api-Key</c> to reach <c>/api/tickets</c>.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:Api";

    public List<string> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keys.Count == 0)
        {
            yield return new ValidationResult("at least one API key is required (clients send it as X-Api-Key)", [nameof(Keys)]);
        }

        if (Keys.Any(k => k.Trim().Length < 8))
        {
            yield return new ValidationResult("every API key must have at least 8 characters", [nameof(Keys)]);
        }
    }
}
