using SyncHub.Domain;

namespace SyncHub.Sla;

/// <summary>
/// Pure functions over an <see cref="SlaStamp"/> for the ticket workflow: pause while Pending, resume with
/// the remaining working time preserved, record the first response and the resolution, and evaluate
/// breached / at-risk at an instant. Never reads the clock itself: every instant is passed in.
/// </summary>
public static class SlaClock
{
    /// <summary>The ticket went Pending (waiting on the customer): the clock stands still from <paramref name="at"/>.</summary>
    public static SlaStamp Pause(SlaStamp stamp, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return stamp.Paused ? stamp : stamp with { Paused = true, PausedAt = at.ToUniversalTime() };
    }

    /// <summary>
    /// The ticket is open again: each open due (and at-risk) instant moves so the working time that remained
    /// at the pause remains from <paramref name="at"/>, i.e. it shifts by the working time that elapsed while
    /// paused. A due instant already past when the ticket was paused stays where it is (it was breached).
    /// Throws <see cref="KeyNotFoundException"/> when the stamp's clock is no longer configured.
    /// </summary>
    public static SlaStamp Resume(SlaStamp stamp, DateTimeOffset at, SlaCalendars calendars)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(calendars);
        if (!stamp.Paused)
        {
            return stamp;
        }

        var clock = calendars.Get(stamp.Clock ?? AlwaysOpenClock.ClockName);
        var pausedAt = stamp.PausedAt ?? at.ToUniversalTime();
        var resumedAt = at < pausedAt ? pausedAt : at.ToUniversalTime();
        var firstResponseOpen = stamp.FirstRespondedAt is null;
        var resolutionOpen = stamp.ResolvedAt is null;
        return stamp with
        {
            Paused = false,
            PausedAt = null,
            FirstResponseDueAt = firstResponseOpen ? Shift(stamp.FirstResponseDueAt) : stamp.FirstResponseDueAt,
            FirstResponseAtRiskAt = firstResponseOpen ? Shift(stamp.FirstResponseAtRiskAt) : stamp.FirstResponseAtRiskAt,
            ResolutionDueAt = resolutionOpen ? Shift(stamp.ResolutionDueAt) : stamp.ResolutionDueAt,
            ResolutionAtRiskAt = resolutionOpen ? Shift(stamp.ResolutionAtRiskAt) : stamp.ResolutionAtRiskAt,
        };

        DateTimeOffset? Shift(DateTimeOffset? instant) =>
            instant is { } due && due > pausedAt
                ? clock.AddWorkingTime(resumedAt, clock.WorkingTimeBetween(pausedAt, due))
                : instant;
    }

    /// <summary>
    /// The first agent reply: meets the first-response target, or breaches it when it comes after the due
    /// instant. A reply while paused counts as given at the pause. Later replies change nothing.
    /// </summary>
    public static SlaStamp RecordFirstResponse(SlaStamp stamp, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (stamp.FirstRespondedAt is not null)
        {
            return stamp;
        }

        var effective = Effective(stamp, at);
        return stamp with
        {
            FirstRespondedAt = at.ToUniversalTime(),
            FirstResponseBreached = stamp.FirstResponseBreached || effective > stamp.FirstResponseDueAt,
        };
    }

    /// <summary>The ticket was solved: meets the resolution target, or breaches it when after the due instant.</summary>
    public static SlaStamp RecordResolution(SlaStamp stamp, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (stamp.ResolvedAt is not null)
        {
            return stamp;
        }

        var effective = Effective(stamp, at);
        return stamp with
        {
            ResolvedAt = at.ToUniversalTime(),
            ResolutionBreached = stamp.ResolutionBreached || effective > stamp.ResolutionDueAt,
        };
    }

    /// <summary>
    /// A customer's answer reopened the ticket at <paramref name="at"/>. The resolution target runs again with the working
    /// time that remained when the ticket was solved (a solved stretch counts like a pause), and a new response is due:
    /// the response fields are reset to <paramref name="nextResponse"/> of working time from <paramref name="at"/> (none
    /// when null), at risk after <paramref name="atRiskAfter"/> of it. The earlier first response is kept in the history by
    /// the caller.
    /// </summary>
    public static SlaStamp Reopen(SlaStamp stamp, DateTimeOffset at, TimeSpan? nextResponse, TimeSpan? atRiskAfter, SlaCalendars calendars)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(calendars);
        var reopened = stamp;
        if (stamp.ResolvedAt is { } solvedAt)
        {
            var pausedAt = stamp is { Paused: true, PausedAt: { } p } && p < solvedAt ? p : solvedAt;
            reopened = stamp with { ResolvedAt = null, ResolutionBreached = false, Paused = true, PausedAt = pausedAt };
        }

        reopened = Resume(reopened, at, calendars);
        if (nextResponse is not { } target)
        {
            return reopened;
        }

        var clock = calendars.Get(reopened.Clock ?? AlwaysOpenClock.ClockName);
        return reopened with
        {
            FirstRespondedAt = null,
            FirstResponseBreached = false,
            FirstResponseWarned = false,
            FirstResponseDueAt = clock.AddWorkingTime(at.ToUniversalTime(), target),
            FirstResponseAtRiskAt = atRiskAfter is { } risk ? clock.AddWorkingTime(at.ToUniversalTime(), risk) : null,
        };
    }

    /// <summary>
    /// Breached: an open target whose due instant has passed (or a met one that was met late).
    /// At risk: an open target not yet breached whose at-risk instant has come. A paused stamp is judged at its pause.
    /// </summary>
    public static SlaEvaluation Evaluate(SlaStamp? stamp, DateTimeOffset now)
    {
        if (stamp is null)
        {
            return SlaEvaluation.None;
        }

        var effective = Effective(stamp, now);
        var (firstBreached, firstAtRisk) = Judge(stamp.FirstRespondedAt, stamp.FirstResponseBreached, stamp.FirstResponseDueAt, stamp.FirstResponseAtRiskAt, effective);
        var (resolutionBreached, resolutionAtRisk) = Judge(stamp.ResolvedAt, stamp.ResolutionBreached, stamp.ResolutionDueAt, stamp.ResolutionAtRiskAt, effective);
        return new(firstBreached, firstAtRisk, resolutionBreached, resolutionAtRisk);
    }

    private static (bool Breached, bool AtRisk) Judge(DateTimeOffset? doneAt, bool recordedBreach, DateTimeOffset? dueAt, DateTimeOffset? atRiskAt, DateTimeOffset now)
    {
        if (doneAt is not null)
        {
            return (recordedBreach, false);
        }

        var breached = recordedBreach || now > dueAt;
        return (breached, !breached && now >= atRiskAt);
    }

    private static DateTimeOffset Effective(SlaStamp stamp, DateTimeOffset at) =>
        stamp is { Paused: true, PausedAt: { } pausedAt } && pausedAt < at ? pausedAt : at;
}
