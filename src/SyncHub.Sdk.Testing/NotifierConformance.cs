using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// The conformance tests of an <see cref="INotifier"/>: it handles its own events and no one else's; a delivery shows
/// once at the tool even when the outbox delivers the same event again (its id is the idempotency key); a failure says
/// what it means through <see cref="DeliveryException"/> — <see cref="DeliveryFailureKind.Permanent"/> for a message
/// the tool refuses for good (400, 404, an unknown room), <see cref="DeliveryFailureKind.Unauthorized"/> for refused
/// credentials (401, 403) — and anything a retry can fix stays transient (any other exception, or a transient
/// <see cref="DeliveryException"/>); no error or log shows a secret; a cancelled send stops.
/// </summary>
/// <typeparam name="TNotifier">The notifier type.</typeparam>
public abstract class NotifierConformance<TNotifier> : ConformanceSuite
    where TNotifier : class, INotifier
{
    /// <summary>How long (real time) one send may take; the clock stands still, since retrying is the outbox's job.</summary>
    protected virtual TimeSpan SendBound => TimeSpan.FromSeconds(30);

    /// <summary>The notifier, as the host creates it (usually through <see cref="ConformanceSuite.Harness"/>), against the tool as the last Arrange hook left it.</summary>
    protected abstract TNotifier CreateNotifier();

    /// <summary>An event the notifier delivers, with id <paramref name="id"/> (events with other ids are other messages).</summary>
    protected abstract OutboxEvent Event(string id);

    /// <summary>Makes the tool accept deliveries, replacing whatever it answered before.</summary>
    protected abstract Task ArrangeDeliverableAsync();

    /// <summary>How many distinct deliveries of <paramref name="outboxEvent"/> the tool shows (messages, mails by Message-ID, replies).</summary>
    protected abstract Task<int> DeliveriesOfAsync(OutboxEvent outboxEvent);

    /// <summary>Makes the tool refuse a message for good (400, 404, an unknown room) and returns the event it refuses.</summary>
    protected abstract Task<OutboxEvent> ArrangePermanentFailureAsync();

    /// <summary>Makes the tool refuse the notifier's credentials (401, 403, a rejected login).</summary>
    protected abstract Task ArrangeCredentialsRefusedAsync();

    /// <summary>Makes the tool fail in a way a retry can fix (5xx, 429, no answer).</summary>
    protected abstract Task ArrangeTransientFailureAsync();

    /// <summary>
    /// Sends <paramref name="outboxEvent"/> on a clock that stands still and returns the exception the send ended with,
    /// or null; fails when the send does not end within <see cref="SendBound"/> (a notifier that waits on the clock to
    /// retry does the outbox's job and blocks its worker).
    /// </summary>
    protected async Task<Exception?> SendAsync(TNotifier notifier, OutboxEvent outboxEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        var send = notifier.SendAsync(outboxEvent, cancellationToken);
        var finished = await Task.WhenAny(send, Task.Delay(SendBound, CancellationToken.None));
        Assert.True(finished == send, $"the send did not end within {SendBound}: does it wait on the clock?");
        return await Record.ExceptionAsync(() => send);
    }

    /// <summary>The notifier handles its own events, and not an event targeted at another notifier or of a type it does not know.</summary>
    [Fact]
    public void Handles_OwnEventsOnly()
    {
        var notifier = CreateNotifier();
        var own = Event("evt-handles-1");

        Assert.False(string.IsNullOrWhiteSpace(notifier.Name));
        Assert.True(notifier.Handles(own));
        Assert.True(notifier.Handles(own with { Target = notifier.Name }));
        Assert.False(notifier.Handles(own with { Target = notifier.Name + "-elsewhere" }));
        Assert.False(notifier.Handles(own with { Type = "synchub.conformance.unknown" }));
    }

    /// <summary>An event the tool accepts is delivered once.</summary>
    [Fact]
    public async Task SendAsync_ToolAccepts_DeliversOnce()
    {
        await ArrangeDeliverableAsync();
        var outboxEvent = Event("evt-deliver-1");

        var error = await SendAsync(CreateNotifier(), outboxEvent);

        Assert.Null(error);
        Assert.Equal(1, await DeliveriesOfAsync(outboxEvent));
    }

    /// <summary>
    /// The same event delivered again (after a crash, by another instance) shows once at the tool; another event is a
    /// message of its own.
    /// </summary>
    [Fact]
    public async Task SendAsync_SameEventTwice_ToolShowsOneDelivery()
    {
        await ArrangeDeliverableAsync();
        var outboxEvent = Event("evt-again-1");
        var other = Event("evt-again-2");

        Assert.Null(await SendAsync(CreateNotifier(), outboxEvent));
        Assert.Null(await SendAsync(CreateNotifier(), outboxEvent));
        Assert.Null(await SendAsync(CreateNotifier(), other));

        Assert.Equal(1, await DeliveriesOfAsync(outboxEvent));
        Assert.Equal(1, await DeliveriesOfAsync(other));
    }

    /// <summary>A message the tool refuses for good fails with a permanent <see cref="DeliveryException"/> that shows no secret.</summary>
    [Fact]
    public async Task SendAsync_ToolRefusesTheMessage_FailsPermanently()
    {
        var outboxEvent = await ArrangePermanentFailureAsync();

        var error = await SendAsync(CreateNotifier(), outboxEvent);

        var failure = Assert.IsType<DeliveryException>(error, exactMatch: false);
        Assert.Equal(DeliveryFailureKind.Permanent, failure.Kind);
        Assert.True(failure.IsPermanent);
        AssertNoSecret(failure);
        AssertNoSecretLogged();
    }

    /// <summary>Refused credentials fail with an unauthorized <see cref="DeliveryException"/> that shows no secret.</summary>
    [Fact]
    public async Task SendAsync_CredentialsRefused_FailsAsUnauthorized()
    {
        await ArrangeCredentialsRefusedAsync();

        var error = await SendAsync(CreateNotifier(), Event("evt-unauthorized-1"));

        var failure = Assert.IsType<DeliveryException>(error, exactMatch: false);
        Assert.Equal(DeliveryFailureKind.Unauthorized, failure.Kind);
        Assert.NotEmpty(Secrets);
        AssertNoSecret(failure);
        AssertNoSecretLogged();
    }

    /// <summary>A failure a retry can fix throws, and is not marked permanent or unauthorized (the outbox retries it).</summary>
    [Fact]
    public async Task SendAsync_TransientFailure_StaysTransient()
    {
        await ArrangeTransientFailureAsync();

        var error = await SendAsync(CreateNotifier(), Event("evt-transient-1"));

        Assert.True(error is not null, "a failed delivery must throw, so that the outbox delivers it again");
        Assert.True(
            error is not DeliveryException { Kind: not DeliveryFailureKind.Transient },
            $"a failure a retry can fix was marked {(error as DeliveryException)?.Kind}: {error.Message}");
        AssertNoSecret(error);
    }

    /// <summary>A cancelled send stops with <see cref="OperationCanceledException"/> (the host is stopping).</summary>
    [Fact]
    public async Task SendAsync_Cancelled_Stops()
    {
        await ArrangeDeliverableAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var outboxEvent = Event("evt-cancelled-1");

        var error = await SendAsync(CreateNotifier(), outboxEvent, cancelled.Token);

        Assert.IsType<OperationCanceledException>(error, exactMatch: false);
        Assert.Equal(0, await DeliveriesOfAsync(outboxEvent));
    }
}
