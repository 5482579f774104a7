using System.ComponentModel.DataAnnotations;

namespace SyncHub.Policies.Rules;

/// <summary>A configuration error: the key relative to the options section (<c>Policies:gold-high:Clock</c>) and what is wrong.</summary>
public sealed record SettingError(string Key, string Message)
{
    /// <summary>
    /// As a validation result whose member name is the key, so <see cref="Hosting.SectionValidator{TOptions}"/>
    /// reports it under the full key (<c>SyncHub:Sla:Policies:gold-high:Clock: ...</c>).
    /// </summary>
    public ValidationResult ToValidationResult() => new(Message, [Key]);

    public override string ToString() => $"{Key}: {Message}";
}
