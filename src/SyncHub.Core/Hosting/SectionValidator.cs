using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SyncHub.Hosting;

/// <summary>
/// Validates options with their data annotations and names each failure by its full configuration key
/// (<c>SyncHub:Pipeline:Capacity: ...</c>), so a wrong setting stops the host with a line an operator can act on.
/// </summary>
public sealed class SectionValidator<TOptions>(string sectionPath, Func<TOptions, IEnumerable<string>>? extra = null) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var failures = results
            .Select(r => $"{sectionPath}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")
            .Concat(extra?.Invoke(options).Select(f => $"{sectionPath}:{f}") ?? [])
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
