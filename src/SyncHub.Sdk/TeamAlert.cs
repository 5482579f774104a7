namespace SyncHub.Adapters;

/// <summary>
/// A message to the support team's chat about a tool rather than a ticket: a source out of API credits, a hotline
/// shift with no agent available. <see cref="Key"/> makes it happen once: raising the same key again (from a retry,
/// a restart or another instance) sends nothing. Put the occasion into the key (<c>freshcaller:uncovered:2026-12-07T08:00</c>)
/// so that the next occasion alerts again.
/// </summary>
/// <param name="Key">The alert's idempotency key: 1 to 200 characters.</param>
/// <param name="Kind">What kind of alert it is, for the chat message and for filtering (<c>appfollow-credits</c>).</param>
/// <param name="Title">The first line of the chat message.</param>
/// <param name="Text">What happened and what to do.</param>
public sealed record TeamAlert(string Key, string Kind, string Title, string Text);
