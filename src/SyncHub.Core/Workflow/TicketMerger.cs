using System.Globalization;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Workflow;

/// <summary>
/// Merges a duplicate ticket into another (the survivor): refuses a merge into itself, into a merged or closed ticket,
/// or of a ticket merged already; closes the duplicate with <see cref="Ticket.MergedInto"/>, and writes on both a history
/// line saying who merged what. The store moves the history and the keys (<see cref="ITicketStore.MergeAsync"/>).
/// </summary>
public sealed class TicketMerger(ITicketStore store, TimeProvider time)
{
    /// <summary>The history type of the merge lines.</summary>
    public const string MergedHistoryType = "merged";

    public async Task<WorkflowResult> MergeAsync(string duplicateId, string survivorId, string by, string? actionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(duplicateId);
        ArgumentNullException.ThrowIfNull(survivorId);
        WorkflowResult? refused = null;
        Ticket? survivor;
        try
        {
            survivor = await store.MergeAsync(
                duplicateId,
                survivorId,
                (duplicate, into) =>
                {
                    // Merged into this one already (a retried request): the survivor as it is is the answer.
                    refused = duplicate.MergedInto == into.Id ? WorkflowResult.Ok(into) : Refusal(duplicate, into);
                    return refused is null
                        ? Build(duplicate, into, by, time.GetUtcNow()) with { ActionKey = actionKey }
                        : throw new MergeRefusedException();
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (MergeRefusedException) when (refused is not null)
        {
            return refused;
        }

        return survivor is null ? WorkflowResult.NotFound() : WorkflowResult.Ok(survivor);
    }

    /// <summary>Why <paramref name="duplicate"/> cannot be merged into <paramref name="survivor"/>, or null when it can.</summary>
    public static WorkflowResult? Refusal(Ticket duplicate, Ticket survivor)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        ArgumentNullException.ThrowIfNull(survivor);
        if (duplicate.Id == survivor.Id)
        {
            return WorkflowResult.Invalid("into", "is the ticket itself: a ticket cannot be merged into itself");
        }

        if (survivor.MergedInto is not null || survivor.Status == TicketStatus.Closed)
        {
            return WorkflowResult.Invalid("into", $"{survivor.Tag} is {(survivor.MergedInto is null ? "closed" : "merged into another ticket")}: merge into an open ticket");
        }

        return duplicate.MergedInto is not null
            ? WorkflowResult.Conflict($"{duplicate.Tag} was merged already")
            : null;
    }

    /// <summary>The merge of <paramref name="duplicate"/> into <paramref name="survivor"/> at <paramref name="now"/>, by <paramref name="by"/>.</summary>
    public static TicketMerge Build(Ticket duplicate, Ticket survivor, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        ArgumentNullException.ThrowIfNull(survivor);
        var data = new Dictionary<string, string>
        {
            ["by"] = by,
            ["duplicate"] = duplicate.Id,
            ["duplicateNumber"] = duplicate.Number.ToString(CultureInfo.InvariantCulture),
            ["survivor"] = survivor.Id,
            ["survivorNumber"] = survivor.Number.ToString(CultureInfo.InvariantCulture),
        };
        var closed = duplicate with
        {
            Status = TicketStatus.Closed,
            MergedInto = survivor.Id,
            CustomerReplied = false,
            SolvedAt = null,
            UpdatedAt = now,
        };
        var kept = survivor with
        {
            // A customer waiting on the duplicate is waiting on the survivor now.
            CustomerReplied = survivor.CustomerReplied || duplicate.CustomerReplied,
            UpdatedAt = now,
        };
        return new TicketMerge(
            closed,
            kept,
            new HistoryEntry(now, MergedHistoryType, $"Merged into {survivor.Tag} by {by}; its history moved there", data),
            new HistoryEntry(now, MergedHistoryType, $"{duplicate.Tag} ({duplicate.Subject}) merged into this ticket by {by}", data));
    }
}

/// <summary>Thrown from the merge computation to leave both tickets as they are (the merger keeps the reason).</summary>
public sealed class MergeRefusedException : Exception
{
    public MergeRefusedException()
        : base("the merge was refused")
    {
    }

    public MergeRefusedException(string message)
        : base(message)
    {
    }

    public MergeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
