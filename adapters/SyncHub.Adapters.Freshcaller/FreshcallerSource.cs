using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Polls Freshcaller's calls API. Calls are read by their <c>created_time</c> in half-open windows <c>[from, to)</c>
/// that end <see cref="FreshcallerOptions.SettleDelay"/> before now (so a call is over before it is read) and span at
/// most <see cref="FreshcallerOptions.MaxWindow"/>. A window is one <c>by_time</c> query whose pages are followed to the
/// last one, one page per fetch, <see cref="IntakePage.HasMore"/> while pages or settled windows wait. Because the
/// window is fixed and in the past, its pages are stable: each call is on exactly one page of exactly one window, so
/// none is skipped or returned twice. Freshcaller does not document the order of the list; the source reads pages in
/// the direction that yields the oldest calls first and sorts each page oldest first. Should the window's call count
/// change while it is paged (a call deleted or back-filled), the window is read again from its start; the store's
/// idempotency absorbs the repeats.
/// </summary>
public sealed class FreshcallerSource(
    IHttpClientFactory httpClients,
    IOptionsMonitor<FreshcallerOptions> options,
    IMeterFactory meterFactory,
    TimeProvider time,
    ILogger<FreshcallerSource> logger) : IPollingSource
{
    /// <summary>The adapter's meter; <see cref="UnreadableCounter"/> counts the polled calls that could not be read.</summary>
    public const string MeterName = "SyncHub.Freshcaller";

    public const string UnreadableCounter = "synchub.freshcaller.unreadable";

    private readonly AdapterCounter unreadableCalls = new(meterFactory, MeterName, UnreadableCounter, "{call}", "Polled calls that could not be read (a field of the wrong type, no id) and made no record.");

    public string Name => FreshcallerCallMapper.SourceName;

    public async Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var client = new FreshcallerClient(httpClients, settings, time, logger);
        var now = time.GetUtcNow();
        var horizon = FreshcallerCursor.Second(now - settings.SettleDelay);
        var state = cursor is null
            ? new FreshcallerCursor(FreshcallerCursor.Second(settings.StartFrom ?? horizon))
            : FreshcallerCursor.Parse(cursor);

        if (state.Window is { } window)
        {
            return await ContinueAsync(client, state.From, window, horizon, now, cancellationToken);
        }

        if (state.From >= horizon)
        {
            // Nothing has settled since the last window; keep (and, on the first poll, commit) the start.
            return IntakePage.Empty(state.ToString());
        }

        var from = state.From;
        var to = FreshcallerCursor.Second(settings.MaxWindow < horizon - from ? from + settings.MaxWindow : horizon);
        var size = settings.PageSize;
        var first = await client.GetCallsAsync(from, to, 1, size, cancellationToken);
        Log.PageRead(logger, 1, first.TotalPages, from, to, first.Calls.Count);
        if (first.TotalPages <= 1)
        {
            return Finish(from, to, first, horizon, now);
        }

        if (!IsNewestFirst(first.Calls))
        {
            return Page(from, to, first, new FreshcallerWindow(to, 2, size, first.TotalCount, Descending: false), now);
        }

        // Newest first: begin at the last page so the oldest calls are stored first; page 1 is read again at the end.
        var last = await client.GetCallsAsync(from, to, first.TotalPages, size, cancellationToken);
        Log.PageRead(logger, first.TotalPages, last.TotalPages, from, to, last.Calls.Count);
        return last.TotalCount != first.TotalCount || last.TotalPages != first.TotalPages
            ? Restart(from, to, first.TotalCount, last.TotalCount)
            : Page(from, to, last, new FreshcallerWindow(to, first.TotalPages - 1, size, first.TotalCount, Descending: true), now);
    }

    private async Task<IntakePage> ContinueAsync(
        FreshcallerClient client, DateTimeOffset from, FreshcallerWindow window, DateTimeOffset horizon, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await client.GetCallsAsync(from, window.To, window.NextPage, window.PageSize, cancellationToken);
        Log.PageRead(logger, window.NextPage, page.TotalPages, from, window.To, page.Calls.Count);
        if (page.TotalCount != window.TotalCount || window.NextPage > Math.Max(1, page.TotalPages))
        {
            return Restart(from, window.To, window.TotalCount, page.TotalCount);
        }

        var last = window.Descending ? window.NextPage <= 1 : window.NextPage >= page.TotalPages;
        return last
            ? Finish(from, window.To, page, horizon, now)
            : Page(from, window.To, page, window with { NextPage = window.Descending ? window.NextPage - 1 : window.NextPage + 1 }, now);
    }

    /// <summary>A page in the middle of a window: its calls, and the cursor at the next page.</summary>
    private IntakePage Page(DateTimeOffset from, DateTimeOffset to, FreshcallerCallsPage page, FreshcallerWindow next, DateTimeOffset now) =>
        new(Records(from, to, page, now), new FreshcallerCursor(from, next).ToString(), HasMore: true);

    /// <summary>The last page of a window: its calls, and the cursor at the window's end; more waits if time settled past it.</summary>
    private IntakePage Finish(DateTimeOffset from, DateTimeOffset to, FreshcallerCallsPage page, DateTimeOffset horizon, DateTimeOffset now) =>
        new(Records(from, to, page, now), new FreshcallerCursor(to).ToString(), HasMore: to < horizon) { Unreadable = Unreadable(from, to, page) };

    private IntakePage Restart(DateTimeOffset from, DateTimeOffset to, int expected, int actual)
    {
        Log.WindowChanged(logger, from, to, expected, actual);
        return new IntakePage([], new FreshcallerCursor(from).ToString(), HasMore: true);
    }

    /// <summary>
    /// The calls of the window <c>[from, to)</c> that could not be read: logged with their id and reason, counted, and
    /// handed to the core, which keeps them in the dead-letter list with their JSON before the cursor moves past them.
    /// </summary>
    private List<UnreadableItem> Unreadable(DateTimeOffset from, DateTimeOffset to, FreshcallerCallsPage page)
    {
        var items = new List<UnreadableItem>();
        foreach (var unreadable in page.Unreadable)
        {
            if (unreadable.CreatedTime is not { } at || (at >= from && at < to))
            {
                Log.CallUnreadable(logger, unreadable.Id, unreadable.Reason);
                unreadableCalls.Add();
                items.Add(new UnreadableItem(unreadable.Id is "(none)" or "(unreadable)" ? null : unreadable.Id, unreadable.Reason, unreadable.Json));
            }
        }

        return items;
    }

    /// <summary>
    /// The records of the calls created inside <c>[from, to)</c>, oldest first. A call Freshcaller returns outside it
    /// (the filter includes both ends) belongs to the neighbouring window and is read there.
    /// </summary>
    private List<IntakeRecord> Records(DateTimeOffset from, DateTimeOffset to, FreshcallerCallsPage page, DateTimeOffset now)
    {
        var records = new List<IntakeRecord>(page.Calls.Count);
        foreach (var call in page.Calls)
        {
            if (call.CreatedTime is { } created && (created < from || created >= to))
            {
                continue;
            }

            records.Add(FreshcallerCallMapper.ToRecord(call, now, options.CurrentValue.CustomerSummaryMarker));
        }

        return [.. records
            .DistinctBy(r => r.ExternalId)
            .OrderBy(r => r.ReceivedAt)
            .ThenBy(r => r.ExternalId.Length)
            .ThenBy(r => r.ExternalId, StringComparer.Ordinal)];
    }

    /// <summary>True when the page lists later calls before earlier ones.</summary>
    private static bool IsNewestFirst(IReadOnlyList<FreshcallerCall> calls)
    {
        if (calls.Count < 2)
        {
            return false;
        }

        var (first, last) = (calls[0], calls[^1]);
        return first.CreatedTime is { } a && last.CreatedTime is { } b && a != b
            ? a > b
            : (first.Id ?? 0) > (last.Id ?? 0);
    }
}
