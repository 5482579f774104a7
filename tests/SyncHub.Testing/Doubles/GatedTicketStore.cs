using SyncHub.Domain;
using SyncHub.InMemory;
using SyncHub.Outbox;
using SyncHub.Storage;

namespace SyncHub.Testing.Doubles;

/// <summary>
/// The in-memory store behind a gate: creations wait until the test opens it, or fail with
/// <see cref="StoreUnavailableException"/> while the store is marked down. Lets tests hold the pipeline
/// full or simulate an outage without timing.
/// </summary>
public sealed class GatedTicketStore(ITicketStore? inner = null) : ITicketStore, IOutboxAppender
{
    private readonly ITicketStore inner = inner ?? new InMemoryTicketStore();
    private readonly List<(TaskCompletionSource Release, TaskCompletionSource Done)> held = [];
    private TaskCompletionSource gate = NewOpenGate();
    private bool holding;
    private int entered;

    public bool Down { get; set; }

    /// <summary>How many creations have reached the store (and are waiting, when the gate is closed).</summary>
    public int Entered => Volatile.Read(ref entered);

    public void Close() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => gate.TrySetResult();

    /// <summary>Holds every creation from now on until <see cref="ReleaseLastFirstAsync"/>.</summary>
    public void Hold()
    {
        lock (held)
        {
            holding = true;
        }
    }

    /// <summary>
    /// Lets the held creations into the store newest first, one after the other (each finished before
    /// the next goes), and lets later creations through: the order a burst could be answered in.
    /// </summary>
    public async Task ReleaseLastFirstAsync()
    {
        List<(TaskCompletionSource Release, TaskCompletionSource Done)> waiting;
        lock (held)
        {
            holding = false;
            waiting = [.. held];
            held.Clear();
        }

        for (var i = waiting.Count - 1; i >= 0; i--)
        {
            waiting[i].Release.TrySetResult();
            await waiting[i].Done.Task;
        }
    }

    public async Task<CreateResult> CreateAsync(TicketCreation creation, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref entered);
        (TaskCompletionSource Release, TaskCompletionSource Done)? hold = null;
        lock (held)
        {
            if (holding)
            {
                hold = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                held.Add(hold.Value);
            }
        }

        if (hold is { } h)
        {
            await h.Release.Task.WaitAsync(cancellationToken);
        }

        try
        {
            await gate.Task.WaitAsync(cancellationToken);
            return Down ? throw new StoreUnavailableException("store marked down by the test") : await inner.CreateAsync(creation, cancellationToken);
        }
        finally
        {
            hold?.Done.TrySetResult();
        }
    }

    public Task<Ticket?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<Ticket?> GetByNumberAsync(long number, CancellationToken cancellationToken = default) => inner.GetByNumberAsync(number, cancellationToken);

    public Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public Task<Ticket?> UpdateAsync(string id, Func<Ticket, TicketChange?> change, CancellationToken cancellationToken = default) =>
        inner.UpdateAsync(id, change, cancellationToken);

    public Task<Ticket?> MergeAsync(string duplicateId, string survivorId, Func<Ticket, Ticket, TicketMerge> merge, CancellationToken cancellationToken = default) =>
        inner.MergeAsync(duplicateId, survivorId, merge, cancellationToken);

    public Task<IReadOnlyList<SlaDeadline>> DueAsync(DateTimeOffset until, int count, CancellationToken cancellationToken = default) =>
        inner.DueAsync(until, count, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(string? afterPosition, int count, CancellationToken cancellationToken = default) =>
        inner.ReadOutboxAsync(afterPosition, count, cancellationToken);

    public Task<bool> AppendOnceAsync(string key, OutboxEvent evt, TimeSpan keep, CancellationToken cancellationToken = default) =>
        ((IOutboxAppender)inner).AppendOnceAsync(key, evt, keep, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Down ? Task.FromResult(false) : inner.PingAsync(cancellationToken);

    private static TaskCompletionSource NewOpenGate()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
