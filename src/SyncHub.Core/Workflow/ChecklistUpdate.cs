using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>A partial update of the investigation checklist: a null member leaves the field as it is; an empty text clears it.</summary>
public sealed record ChecklistUpdate
{
    public string? ProblemRestated { get; init; }

    public string? AffectedUsers { get; init; }

    public Reproducibility? Reproducibility { get; init; }

    public string? Since { get; init; }

    public string? WhatChanged { get; init; }

    public string? ClientVersion { get; init; }

    public bool? ReproducedOnTestSystem { get; init; }

    public bool? SolutionTested { get; init; }

    /// <summary>The first field that is too long, or null.</summary>
    public WorkflowResult? Problem()
    {
        foreach (var (field, value, limit) in new[]
        {
            ("problemRestated", ProblemRestated, InvestigationChecklist.MaxProblemLength),
            ("affectedUsers", AffectedUsers, InvestigationChecklist.MaxFieldLength),
            ("since", Since, InvestigationChecklist.MaxFieldLength),
            ("whatChanged", WhatChanged, InvestigationChecklist.MaxFieldLength),
            ("clientVersion", ClientVersion, InvestigationChecklist.MaxFieldLength),
        })
        {
            if (value?.Length > limit)
            {
                return WorkflowResult.Invalid(field, $"is longer than {limit} characters");
            }

            if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                return WorkflowResult.Invalid(field, "holds control characters");
            }
        }

        return null;
    }

    /// <summary>The checklist with this update applied, and the names of what changed (in words for the history).</summary>
    public (InvestigationChecklist Updated, IReadOnlyList<string> Changed) ApplyTo(InvestigationChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var changed = new List<string>();
        var updated = checklist with
        {
            ProblemRestated = Text(ProblemRestated, checklist.ProblemRestated, "problem restated"),
            AffectedUsers = Text(AffectedUsers, checklist.AffectedUsers, "affected users"),
            Since = Text(Since, checklist.Since, "since when"),
            WhatChanged = Text(WhatChanged, checklist.WhatChanged, "what changed"),
            ClientVersion = Text(ClientVersion, checklist.ClientVersion, "client and version"),
        };
        if (Reproducibility is { } reproducibility && reproducibility != checklist.Reproducibility)
        {
            updated = updated with { Reproducibility = reproducibility };
            changed.Add($"reproducibility {reproducibility}");
        }

        if (ReproducedOnTestSystem is { } reproduced && reproduced != checklist.ReproducedOnTestSystem)
        {
            updated = updated with { ReproducedOnTestSystem = reproduced };
            changed.Add(reproduced ? "reproduced on a test system" : "not reproduced on a test system");
        }

        if (SolutionTested is { } tested && tested != checklist.SolutionTested)
        {
            updated = updated with { SolutionTested = tested };
            changed.Add(tested ? "solution tested" : "solution not tested");
        }

        return (updated, changed);

        string? Text(string? given, string? current, string name)
        {
            if (given is null)
            {
                return current;
            }

            var value = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
            if (value != current)
            {
                changed.Add(value is null ? $"{name} cleared" : name);
            }

            return value;
        }
    }
}
