using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Policies.Rules;

namespace SyncHub.Sla;

/// <summary>
/// Stamps a new ticket from the SLA table: the CRM account's plan x the ticket's priority x the account's
/// status picks a row, whose targets run on its clock from the creation instant (or the next opening).
/// Unknown requesters, accounts that are not active customers and best-effort plans get no stamp.
/// </summary>
public sealed class TableSlaPolicy(SlaTable table) : ISlaPolicy
{
    /// <summary>The decision for every requester the CRM directory does not know (a record is immutable: made once).</summary>
    private static readonly PolicyDecision<SlaStamp?> UnknownRequester = BestEffort("unknown requester: not found in the CRM directory");

    public PolicyDecision<SlaStamp?> Stamp(TicketContext context, Priority priority)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Account is { } account ? Stamp(context, account, priority) : UnknownRequester;
    }

    // Apart from Stamp(context, priority): the closures over the priority are made on entry, which an unknown requester
    // (most web, chat and review records) should not pay.
    private PolicyDecision<SlaStamp?> Stamp(TicketContext context, AccountSnapshot account, Priority priority)
    {
        var who = $"account {account.Name} (CRM {account.CrmId})";
        if (string.IsNullOrWhiteSpace(account.Plan))
        {
            return BestEffort($"{who} has no plan in the CRM");
        }

        var candidates = table.Rows
            .Where(r => CrmText.Same(r.Plan, account.Plan) && (r.Priority == priority || r.Priority is null))
            .ToList();
        if (candidates.Count == 0)
        {
            return BestEffort(table.Rows.Any(r => CrmText.Same(r.Plan, account.Plan))
                ? $"{who}: plan {account.Plan} has no row for priority {priority}"
                : $"{who}: plan {account.Plan} has no row in the SLA table");
        }

        // A row for this very priority wins over a row for any priority.
        var row = candidates.Where(r => r.Serves(account.Status)).OrderBy(r => r.Priority is null).FirstOrDefault();
        if (row is null)
        {
            var active = candidates.SelectMany(r => r.Statuses).Distinct(StringComparer.OrdinalIgnoreCase);
            return BestEffort($"{who}: status {Describe(account.Status)} is not an active customer (active: {string.Join(", ", active)})");
        }

        if (row.IsBestEffort || row.Clock is not { } clock)
        {
            return BestEffort($"{who}: plan {account.Plan} is best effort (row {row.Id})");
        }

        var now = context.Now;
        var firstResponse = row.FirstResponse.ToWorkingTime(clock)!.Value;
        var resolution = row.Resolution.ToWorkingTime(clock);
        var reason = $"{who}, plan {account.Plan}, status {account.Status} (an active customer): row {row.Id} ({row.Plan}, {row.Priority?.ToString() ?? "any priority"}) " +
            $"gives first response within {row.FirstResponse}" +
            (resolution is null ? "" : $" and resolution within {row.Resolution}") +
            $" on the {clock.Description}";
        var stamp = new SlaStamp
        {
            Policy = row.Id,
            Reason = reason,
            Clock = clock.Name,
            FirstResponseTarget = firstResponse,
            FirstResponseDueAt = clock.AddWorkingTime(now, firstResponse),
            FirstResponseAtRiskAt = clock.AddWorkingTime(now, table.AtRiskAfter(firstResponse)),
            ResolutionTarget = resolution,
            ResolutionDueAt = resolution is { } r ? clock.AddWorkingTime(now, r) : null,
            ResolutionAtRiskAt = resolution is { } ra ? clock.AddWorkingTime(now, table.AtRiskAfter(ra)) : null,
        };
        return new(stamp, reason);
    }

    private static PolicyDecision<SlaStamp?> BestEffort(string reason) => new(null, $"best effort: {reason}");

    private static string Describe(string? status) => string.IsNullOrWhiteSpace(status) ? "(none)" : status;
}
