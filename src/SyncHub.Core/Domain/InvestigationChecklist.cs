namespace SyncHub.Domain;

/// <summary>
/// The support process's investigation checklist, on every ticket: the problem restated in the agent's words, the data
/// gathered (affected users, reproducible or intermittent, since when, what changed, client and version), reproduced on
/// a test system, solution tested. Agents fill it in part by part (<c>POST /api/tickets/{id}/checklist</c>).
/// </summary>
public sealed record InvestigationChecklist
{
    /// <summary>The longest restated problem.</summary>
    public const int MaxProblemLength = 2_000;

    /// <summary>The longest of the other text fields.</summary>
    public const int MaxFieldLength = 500;

    public static InvestigationChecklist Empty { get; } = new();

    /// <summary>The problem in the agent's own words.</summary>
    public string? ProblemRestated { get; init; }

    /// <summary>How many users are affected, and which.</summary>
    public string? AffectedUsers { get; init; }

    public Reproducibility Reproducibility { get; init; } = Reproducibility.Unknown;

    /// <summary>When the problem started; was it working before?</summary>
    public string? Since { get; init; }

    /// <summary>What changed recently.</summary>
    public string? WhatChanged { get; init; }

    /// <summary>The client and its version (browser, desktop or mobile app, operating system).</summary>
    public string? ClientVersion { get; init; }

    public bool ReproducedOnTestSystem { get; init; }

    public bool SolutionTested { get; init; }
}
