using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Hotline coverage (the support process: every support agent is connected to Freshcaller during their shift). While
/// a configured shift is on, every <see cref="FreshcallerCoverageOptions.CheckInterval"/> (at multiples of it on the
/// clock, so several instances check at the same moments) the agents' availability is read from <c>GET /users</c>.
/// A shift with fewer available agents than its minimum raises one team-chat alert, and one more when it is covered
/// again. <see cref="AvailableAgentsGauge"/> shows the available agents of each shift that is on.
/// <para>
/// The alerts are once per key (<see cref="ITeamAlerts"/>), and the keys name the uncovered stretch by things every
/// instance sees alike: a stretch the instance finds at its first look at a shift occurrence (the shift started
/// uncovered, or the instance just started) is keyed by the occurrence's start
/// (<c>freshcaller:uncovered:{shift}:{start, UTC}</c>); a stretch it sees begin after a covered check is keyed by that
/// check's slot on the interval grid as well (<c>...:{start}:{slot, UTC}</c>). So a restart or a second instance that
/// finds the same uncovered shift raises the same key and sends nothing, and the "covered" alert carries the key of
/// the stretch it ends. A failed API call (401, 429, 5xx, no answer) is logged and checked again at the next
/// check (after Freshcaller's Retry-After when it gave one); it never makes a shift uncovered.
/// </para>
/// </summary>
internal sealed class FreshcallerCoverage : BackgroundService
{
    public const string AvailableAgentsGauge = "synchub.freshcaller.available_agents";
    public const string UncoveredKind = "freshcaller-uncovered";
    public const string CoveredKind = "freshcaller-covered";

    private const string UncoveredPrefix = "freshcaller:uncovered:";
    private const string CoveredPrefix = "freshcaller:covered:";

    private readonly IHttpClientFactory httpClients;
    private readonly IOptionsMonitor<FreshcallerOptions> options;
    private readonly ITeamAlerts alerts;
    private readonly TimeProvider time;
    private readonly ILogger<FreshcallerCoverage> logger;
    private readonly IReadOnlyList<CoverageShift> shifts;
    private readonly ConcurrentDictionary<string, ShiftState> states = new(StringComparer.Ordinal);
    private DateTimeOffset notBefore = DateTimeOffset.MinValue;

    public FreshcallerCoverage(
        IHttpClientFactory httpClients,
        IOptionsMonitor<FreshcallerOptions> options,
        ITeamAlerts alerts,
        IMeterFactory meterFactory,
        TimeProvider time,
        ILogger<FreshcallerCoverage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.httpClients = httpClients;
        this.options = options;
        this.alerts = alerts;
        this.time = time;
        this.logger = logger;
        var errors = new List<ValidationResult>();
        shifts = CoverageShift.Read(options.CurrentValue.Coverage, errors);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(FreshcallerOptions), [.. errors.Select(e => e.ErrorMessage ?? "")]);
        }

        meterFactory.Create(FreshcallerSource.MeterName).CreateObservableGauge(
            AvailableAgentsGauge,
            Observe,
            "{agent}",
            "Agents available in Freshcaller during each hotline shift that is on, as of its last check.");
    }

    /// <summary>The shifts checked.</summary>
    public IReadOnlyList<CoverageShift> Shifts => shifts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.CurrentValue.Coverage.CheckInterval;
        Log.CoverageStarted(logger, interval, shifts.Count);
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(((now.UtcTicks / interval.Ticks) + 1) * interval.Ticks, TimeSpan.Zero);
            await Task.Delay(next - now, time, stoppingToken);
        }
    }

    /// <summary>
    /// One check at the clock's now: nothing while no shift is on (and not before a Retry-After has passed); otherwise
    /// the users are read once and each shift that is on is counted, alerted and gauged.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var on = shifts
            .Select(shift => (Shift: shift, Occurrence: shift.OccurrenceAt(now)))
            .Where(s => s.Occurrence is not null)
            .ToDictionary(s => s.Shift.Name, s => (s.Shift, Start: s.Occurrence!.Value.Start), StringComparer.Ordinal);
        foreach (var ended in states.Keys.Where(name => !on.TryGetValue(name, out var current) || current.Start != states[name].Occurrence).ToList())
        {
            states.TryRemove(ended, out _);
        }

        if (on.Count == 0 || now < notBefore)
        {
            return;
        }

        var settings = options.CurrentValue;
        IReadOnlyList<FreshcallerUser> users;
        try
        {
            users = await new FreshcallerClient(httpClients, settings, time, logger).GetUsersAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // 401/403, 429, 5xx after the client's retries, no answer, an unreadable body: never an uncovered shift.
            var wait = settings.Coverage.CheckInterval;
            if (ex is FreshcallerException { RetryAfter: { } retryAfter } && retryAfter > TimeSpan.Zero)
            {
                notBefore = now + retryAfter;
                wait = retryAfter > wait ? retryAfter : wait;
            }

            Log.CoverageCheckFailed(logger, ex is FreshcallerException { StatusCode: { } status } ? (int)status : null, ex.Message, wait);
            return;
        }

        var statuses = settings.Coverage.AvailableStatuses.Count == 0
            ? new HashSet<int> { FreshcallerCoverageOptions.OnlineStatus }
            : [.. settings.Coverage.AvailableStatuses];
        foreach (var (shift, start) in on.Values)
        {
            var available = users.Count(u => u.Deleted != true && u.Status is { } status && statuses.Contains(status) && OnTeam(u, shift.Team));
            var state = states.GetOrAdd(shift.Name, _ => new ShiftState(start));
            var firstLook = state.Available is null;
            state.Available = available;
            Log.ShiftChecked(logger, shift.Name, available, shift.MinimumAgents);
            if (available < shift.MinimumAgents && state.Stretch is null)
            {
                var keyedByStart = firstLook || state.FirstLookFailed;
                var stretch = UncoveredKey(shift.Name, start, keyedByStart ? null : Slot(now, settings.Coverage.CheckInterval));
                state.FirstLookFailed = !await AlertAsync(shift, state, available, stretch, cancellationToken) && keyedByStart;
            }
            else if (available >= shift.MinimumAgents)
            {
                state.FirstLookFailed = false;
                if (state.Stretch is { } stretch)
                {
                    await AlertAsync(shift, state, available, CoveredKey(stretch), cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// The key of the alert that <paramref name="shift"/>'s occurrence started at <paramref name="start"/> is uncovered:
    /// <c>freshcaller:uncovered:{shift}:{start}</c>, with <c>:{stretch}</c> for a stretch that began at that check slot.
    /// </summary>
    public static string UncoveredKey(string shift, DateTimeOffset start, DateTimeOffset? stretch) =>
        string.Create(CultureInfo.InvariantCulture, $"{UncoveredPrefix}{shift}:{Minute(start)}{(stretch is { } at ? $":{Minute(at)}" : "")}");

    /// <summary>The key of the "covered again" alert that ends the stretch <paramref name="uncoveredKey"/> alerted.</summary>
    public static string CoveredKey(string uncoveredKey) => CoveredPrefix + uncoveredKey[UncoveredPrefix.Length..];

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>The start of the check slot <paramref name="now"/> is in: the interval grid every instance checks on.</summary>
    private static DateTimeOffset Slot(DateTimeOffset now, TimeSpan interval) =>
        new(now.UtcTicks / interval.Ticks * interval.Ticks, TimeSpan.Zero);

    /// <summary>Raises the alert of <paramref name="key"/> (uncovered or covered) and records it; false when it could not be stored.</summary>
    private async Task<bool> AlertAsync(CoverageShift shift, ShiftState state, int available, string key, CancellationToken cancellationToken)
    {
        var uncovered = key.StartsWith(UncoveredPrefix, StringComparison.Ordinal);
        var localStart = TimeZoneInfo.ConvertTime(state.Occurrence, shift.Zone);
        var team = shift.Team is null ? "" : $" of team {shift.Team}";
        var alert = uncovered
            ? new TeamAlert(
                key,
                UncoveredKind,
                available == 0
                    ? $"Hotline shift {shift.Name}: no agent{team} is available in Freshcaller"
                    : $"Hotline shift {shift.Name}: only {available} of {shift.MinimumAgents} agents{team} available in Freshcaller",
                $"The {shift.Name} shift ({shift.Describe()}) started {localStart:yyyy-MM-dd HH:mm}. {available} agent(s){team} are available in Freshcaller, " +
                $"{shift.MinimumAgents} needed: hotline calls may go unanswered. Every support agent on shift should be connected to Freshcaller.")
            : new TeamAlert(
                key,
                CoveredKind,
                $"Hotline shift {shift.Name} is covered again",
                $"{available} agent(s){team} are available in Freshcaller for the {shift.Name} shift ({shift.Describe()}), {shift.MinimumAgents} needed.");
        bool sent;
        try
        {
            sent = await alerts.RaiseAsync(alert, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CoverageAlertFailed(logger, shift.Name, ex.Message);
            return false;
        }

        state.Stretch = uncovered ? key : null;
        if (uncovered)
        {
            Log.ShiftUncovered(logger, shift.Name, available, shift.MinimumAgents, key, sent);
        }
        else
        {
            Log.ShiftCovered(logger, shift.Name, available, key, sent);
        }

        return true;
    }

    private static bool OnTeam(FreshcallerUser user, string? team) =>
        team is null || (user.Teams?.Any(t => string.Equals(t.Name?.Trim(), team, StringComparison.OrdinalIgnoreCase)) ?? false);

    private IEnumerable<Measurement<int>> Observe() =>
        states
            .Where(s => s.Value.Available is not null)
            .Select(s => new Measurement<int>(s.Value.Available!.Value, new KeyValuePair<string, object?>("shift", s.Key)));

    /// <summary>What this instance knows of a shift occurrence that is on.</summary>
    private sealed class ShiftState(DateTimeOffset occurrence)
    {
        public DateTimeOffset Occurrence { get; } = occurrence;

        public int? Available { get; set; }

        /// <summary>The key of the uncovered stretch alerted and not yet covered again; null while covered.</summary>
        public string? Stretch { get; set; }

        /// <summary>The alert of the stretch found at the first look could not be stored: it keeps the first look's key.</summary>
        public bool FirstLookFailed { get; set; }
    }
}
