using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Storage;
using Queues = System.Threading.Channels.Channel;

namespace SyncHub.Pipeline;

/// <summary>
/// The bounded channel between intake (pollers, webhooks) and the store, and the workers that drain it.
/// A submission completes only after its record is stored or dead-lettered. On stop the channel is closed
/// to new records and the workers drain everything already accepted.
/// </summary>
public sealed class IntakePipeline : IIntakePipeline, IHostedService, IAsyncDisposable
{
    /// <summary>The state of a creation hook whose <see cref="ITicketCreationHook.AddAsync"/> failed.</summary>
    private static readonly object Failed = new();

    private readonly Channel<Envelope> channel;
    private readonly PipelineOptions options;
    private readonly TicketFactory factory;
    private readonly ITicketStore store;
    private readonly ITicketCreatedHook[] hooks;
    private readonly ITicketCreationHook[] creationHooks;
    private readonly IDeadLetterStore deadLetters;
    private readonly SyncHubMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILogger<IntakePipeline> logger;
    private readonly CancellationTokenSource abort = new();
    private Task[] workers = [];
    private volatile bool running;
    private int disposed;

    public IntakePipeline(
        IOptions<PipelineOptions> options,
        TicketFactory factory,
        ITicketStore store,
        IEnumerable<ITicketCreatedHook> hooks,
        IEnumerable<ITicketCreationHook> creationHooks,
        IDeadLetterStore deadLetters,
        SyncHubMetrics metrics,
        TimeProvider time,
        ILogger<IntakePipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.factory = factory;
        this.store = store;
        this.hooks = [.. hooks];
        this.creationHooks = [.. creationHooks];
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.time = time;
        this.logger = logger;
        channel = Queues.CreateBounded<Envelope>(new BoundedChannelOptions(this.options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = this.options.Workers == 1,
            SingleWriter = false,
        });
        metrics.ObserveGauge("synchub.channel.depth", "{record}", "Records waiting in the intake channel.", () => Depth);
    }

    public bool IsRunning => running;

    public int Depth => channel.Reader.Count;

    public Task<IntakeResult> SubmitAsync(IntakeRecord record, CancellationToken cancellationToken = default)
    {
        // With room in the channel (nearly always) the record goes in at once and the caller waits on its envelope: no
        // state machine per record for a write that does not wait.
        var envelope = Accept(record);
        return !cancellationToken.IsCancellationRequested && channel.Writer.TryWrite(envelope)
            ? envelope.Task.WaitAsync(cancellationToken)
            : WriteAndWaitAsync(envelope, cancellationToken);
    }

    public async Task<IntakeResult?> TrySubmitAsync(IntakeRecord record, CancellationToken cancellationToken = default)
    {
        var envelope = Accept(record);
        if (!channel.Writer.TryWrite(envelope))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(options.WebhookEnqueueTimeout);
            try
            {
                await channel.Writer.WriteAsync(envelope, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (ChannelClosedException)
            {
                throw new PipelineStoppedException();
            }
        }

        return await envelope.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        workers = new Task[options.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(WorkAsync, CancellationToken.None);
        }

        running = true;
        Log.PipelineStarted(logger, options.Workers, options.Capacity);
        return Task.CompletedTask;
    }

    /// <summary>Closes the channel to new records and waits until every accepted record is stored.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        running = false;
        Log.PipelineDraining(logger, Depth);
        channel.Writer.TryComplete();
        try
        {
            await Task.WhenAll(workers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's stop timeout ran out: abandon what is left. Nothing was acknowledged for it,
            // so its senders retry (pollers re-read from their committed cursor).
            await abort.CancelAsync();
        }

        Log.PipelineStopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        channel.Writer.TryComplete();
        await abort.CancelAsync();
        abort.Dispose();
    }

    private Envelope Accept(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        metrics.Received(record.Source);
        return new Envelope(record, time.GetTimestamp());
    }

    private async Task<IntakeResult> WriteAndWaitAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            await channel.Writer.WriteAsync(envelope, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new PipelineStoppedException();
        }

        return await envelope.Task.WaitAsync(cancellationToken);
    }

    private async Task WorkAsync()
    {
        var reader = channel.Reader;
        while (true)
        {
            Envelope envelope;
            try
            {
                // ReadAsync hands a written record to one waiting worker. WaitToReadAsync would wake every idle worker for
                // each record (most of them find the channel empty again and wait anew): with hundreds of workers
                // and a few dozen requests in flight, that was thread-pool work and an allocation per idle worker.
                envelope = await reader.ReadAsync(CancellationToken.None);
            }
            catch (ChannelClosedException)
            {
                return;
            }

            if (abort.IsCancellationRequested)
            {
                envelope.TrySetException(new PipelineStoppedException());
                continue;
            }

            await ProcessAsync(envelope);
        }
    }

    // ProcessAsync and StoreAsync run once per record and are each awaited once, by their one caller: their state machines
    // come from the runtime's pool rather than a new box per record.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ProcessAsync(Envelope envelope)
    {
        var record = envelope.Record;
        try
        {
            var result = await StoreAsync(record);
            metrics.Outcome(record.Source, OutcomeTag(result.Outcome));
            metrics.Stored(record.Source, time.GetElapsedTime(envelope.EnqueuedAt));
            envelope.TrySetResult(result);
        }
        catch (StoreUnavailableException ex)
        {
            Log.StoreUnavailable(logger, ex, record.Source, record.ExternalId);
            envelope.TrySetException(ex);
        }
        catch (OperationCanceledException ex)
        {
            envelope.TrySetException(new PipelineStoppedException("The intake pipeline stopped.", ex));
        }
        catch (Exception ex)
        {
            envelope.TrySetException(ex);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<IntakeResult> StoreAsync(IntakeRecord received)
    {
        var record = RecordText.Normalize(received);
        var problem = RecordValidator.Problem(record);
        if (problem is null)
        {
            TicketCreation creation;
            try
            {
                creation = await factory.CreateAsync(record, abort.Token);
            }
            catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException)
            {
                Log.RecordFailed(logger, ex, record.Source, record.ExternalId);
                problem = $"creation failed: {ex.GetType().Name}: {ex.Message}";
                return await DeadLetterAsync(record, problem);
            }

            var (withAdditions, states) = await AddToCreationAsync(record, creation);
            var stored = await store.CreateAsync(withAdditions, abort.Token);
            Log.Stored(logger, record.Source, record.ExternalId, stored.Number, EnumText.Name(stored.Outcome));
            await RunHooksAsync(record, stored, states);
            return new IntakeResult(
                stored.Outcome switch
                {
                    CreateOutcome.Created => IntakeOutcome.Created,
                    CreateOutcome.Threaded => IntakeOutcome.Threaded,
                    _ => IntakeOutcome.Duplicate,
                },
                stored.TicketId,
                stored.Number);
        }

        return await DeadLetterAsync(record, problem);
    }

    /// <summary>
    /// <paramref name="creation"/> with what the creation hooks add to it (the same instance when they add nothing), and
    /// per hook what it answered, or <see cref="Failed"/> (null: every hook answered null). A failed hook's additions are
    /// dropped: the ticket is created without them.
    /// </summary>
    private async ValueTask<(TicketCreation Creation, object?[]? States)> AddToCreationAsync(IntakeRecord record, TicketCreation creation)
    {
        if (creationHooks.Length == 0)
        {
            return (creation, null);
        }

        var additions = new TicketAdditions();
        object?[]? states = null;
        for (var i = 0; i < creationHooks.Length; i++)
        {
            var mark = additions.Mark();
            object? state;
            try
            {
                state = await creationHooks[i].AddAsync(record, creation.Ticket, additions, abort.Token);
            }
            catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException)
            {
                // A failing follow-up must not refuse the record: the ticket is created without it, and the hook
                // is told so after the store call.
                additions.Truncate(mark);
                state = Failed;
                Log.HookFailed(logger, ex, creationHooks[i].GetType().Name, record.Source, record.ExternalId);
            }

            if (state is not null)
            {
                (states ??= new object?[creationHooks.Length])[i] = state;
            }
        }

        if (additions.IsEmpty)
        {
            return (creation, states);
        }

        return (creation with
        {
            History = Joined(creation.History, additions.History),
            Outbox = Joined(creation.Outbox, additions.Outbox),
            Signal = additions.Signal ?? creation.Signal,
        }, states);
    }

    /// <summary><paramref name="first"/> then <paramref name="second"/> in one array, by index (spreading the lists boxed their enumerators).</summary>
    private static T[] Joined<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        var joined = new T[first.Count + second.Count];
        for (var i = 0; i < first.Count; i++)
        {
            joined[i] = first[i];
        }

        for (var i = 0; i < second.Count; i++)
        {
            joined[first.Count + i] = second[i];
        }

        return joined;
    }

    private async Task RunHooksAsync(IntakeRecord record, CreateResult stored, object?[]? states)
    {
        foreach (var hook in hooks)
        {
            try
            {
                await hook.OnCreatedAsync(record, stored, abort.Token);
            }
            catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException)
            {
                // The ticket is stored; a failing follow-up must not refuse the record. It runs again on a replay.
                Log.HookFailed(logger, ex, hook.GetType().Name, record.Source, record.ExternalId);
            }
        }

        for (var i = 0; i < creationHooks.Length; i++)
        {
            var state = states?[i];
            var failed = ReferenceEquals(state, Failed);
            try
            {
                await creationHooks[i].OnStoredAsync(record, stored, stored.Outcome == CreateOutcome.Created && !failed, failed ? null : state, abort.Token);
            }
            catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException)
            {
                Log.HookFailed(logger, ex, creationHooks[i].GetType().Name, record.Source, record.ExternalId);
            }
        }
    }

    private async Task<IntakeResult> DeadLetterAsync(IntakeRecord record, string reason)
    {
        Log.DeadLettered(logger, record.Source, record.ExternalId ?? "", reason);
        var payload = JsonSerializer.Serialize(record, SyncHubJson.Options);
        await deadLetters.AddAsync(new DeadLetter(record.Source, record.ExternalId, reason, payload, time.GetUtcNow()), abort.Token);
        return new IntakeResult(IntakeOutcome.DeadLettered, null, 0, reason);
    }

    private static string OutcomeTag(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Created => Outcomes.Created,
        IntakeOutcome.Duplicate => Outcomes.Duplicate,
        IntakeOutcome.Threaded => Outcomes.Threaded,
        _ => Outcomes.DeadLettered,
    };

    /// <summary>An accepted record and the completion its sender awaits (one object: the envelope is the completion source).</summary>
    private sealed class Envelope(IntakeRecord record, long enqueuedAt)
        : TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public IntakeRecord Record { get; } = record;

        public long EnqueuedAt { get; } = enqueuedAt;
    }
}
