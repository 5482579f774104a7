namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/assign</c>: an agent's id or name; omitted or null: the caller.</summary>
internal sealed record AssignRequest(string? Assignee);

/// <summary>The (empty) body of <c>POST /api/tickets/{id}/unassign</c> and <c>.../refresh-account</c>.</summary>
internal sealed record EmptyRequest;

/// <summary>The body of <c>POST /api/tickets/{id}/priority</c>.</summary>
internal sealed record PriorityRequest(string? Priority);

/// <summary>The body of <c>POST /api/tickets/{id}/department</c>.</summary>
internal sealed record DepartmentRequest(string? Department);

/// <summary>The body of <c>POST /api/tickets/{id}/checklist</c>: a partial update, a field left out stays as it is.</summary>
internal sealed record ChecklistRequest(
    string? ProblemRestated,
    string? AffectedUsers,
    string? Reproducibility,
    string? Since,
    string? WhatChanged,
    string? ClientVersion,
    bool? ReproducedOnTestSystem,
    bool? SolutionTested);

/// <summary>The body of <c>POST /api/agents/me/availability</c>, and its answer.</summary>
internal sealed record AvailabilityRequest(bool? Available);

/// <summary>The answer of the availability routes.</summary>
internal sealed record AvailabilityAnswer(bool Available);

/// <summary>The body of <c>POST /api/canned-answers</c> and <c>PUT /api/canned-answers/{id}</c>.</summary>
internal sealed record CannedAnswerRequest(string? Title, string? Body);

/// <summary>The answer of <c>GET /api/canned-answers</c>.</summary>
internal sealed record CannedAnswerList(IReadOnlyList<SyncHub.Workflow.CannedAnswer> Items);

/// <summary>
/// A canned answer filled for a ticket: <c>text</c>, the placeholders left as written (<c>unfilled</c>) and a
/// <c>warning</c> naming them (null when every placeholder was filled).
/// </summary>
internal sealed record RenderedCannedAnswer(string Text, IReadOnlyList<string> Unfilled, string? Warning);
