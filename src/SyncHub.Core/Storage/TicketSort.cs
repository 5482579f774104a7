namespace SyncHub.Storage;

/// <summary>The order of a ticket list (<see cref="TicketQuery.Sort"/>).</summary>
public enum TicketSort
{
    /// <summary>Newest first (by number): the store's default.</summary>
    Created,

    /// <summary>Nearest live SLA due time first (<see cref="SlaDeadlines.Live"/>); tickets without one after them (by number).</summary>
    SlaDue,

    /// <summary>Most recently updated first.</summary>
    Updated,

    /// <summary>High first, then Medium, then Low; within each, as <see cref="SlaDue"/>.</summary>
    Priority,
}
