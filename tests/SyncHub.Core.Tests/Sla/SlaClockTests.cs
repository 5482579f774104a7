using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Sla;
using static SyncHub.Core.Tests.Policies.TestTickets;
using static SyncHub.Core.Tests.Sla.TestCalendars;

namespace SyncHub.Core.Tests.Sla;

public sealed class SlaClockTests
{
    private static readonly SlaTable Table = SlaTable.Create(new SlaOptions());

    /// <summary>A Gold Medium ticket (6 working hours on the support calendar) created Friday 2026-03-06 15:00 in São Paulo.</summary>
    private static SlaStamp FridayAfternoonGoldMedium() =>
        new TableSlaPolicy(Table).Stamp(Context(Account("Gold", "Active"), At("2026-03-06T15:00:00-03:00")), Priority.Medium).Value!;

    [Fact]
    public void Stamp_FridayAfternoonGoldMedium_DueMondayMorning()
    {
        var stamp = FridayAfternoonGoldMedium();

        // 5 h on Friday (15:00-20:00), 1 h on Monday.
        Assert.Equal(At("2026-03-09T09:00:00-03:00"), stamp.FirstResponseDueAt);
    }

    [Fact]
    public void Resume_PauseAcrossWeekend_PreservesRemainingWorkingTime()
    {
        var stamp = FridayAfternoonGoldMedium();
        var pausedAt = At("2026-03-06T17:00:00-03:00");
        var resumedAt = At("2026-03-09T10:00:00-03:00");
        var support = Table.Calendars.Get("support");
        var remaining = support.WorkingTimeBetween(pausedAt, stamp.FirstResponseDueAt!.Value);

        var resumed = SlaClock.Resume(SlaClock.Pause(stamp, pausedAt), resumedAt, Table.Calendars);

        // 4 working hours remained at the pause (3 h on Friday, 1 h on Monday); they run from Monday 10:00.
        Assert.Equal(TimeSpan.FromHours(4), remaining);
        Assert.Equal(At("2026-03-09T14:00:00-03:00"), resumed.FirstResponseDueAt);
        Assert.Equal(remaining, support.WorkingTimeBetween(resumedAt, resumed.FirstResponseDueAt!.Value));
        // The at-risk instant (80 %: 4 h 48 min) moves the same way: 2 h 48 min remained.
        Assert.Equal(At("2026-03-09T12:48:00-03:00"), resumed.FirstResponseAtRiskAt);
        Assert.False(resumed.Paused);
        Assert.Null(resumed.PausedAt);
    }

    [Fact]
    public void Resume_PausedOnlyOutsideWorkingHours_DueUnchanged()
    {
        var stamp = FridayAfternoonGoldMedium();

        var resumed = SlaClock.Resume(SlaClock.Pause(stamp, At("2026-03-06T21:00:00-03:00")), At("2026-03-07T12:00:00-03:00"), Table.Calendars);

        Assert.Equal(stamp.FirstResponseDueAt, resumed.FirstResponseDueAt);
    }

    [Fact]
    public void Resume_TwentyFourSevenClock_ShiftsByTheWholePause()
    {
        var stamp = new TableSlaPolicy(Table).Stamp(Context(Account("Gold", "Active"), At("2026-03-07T06:00:00Z")), Priority.High).Value!;

        var resumed = SlaClock.Resume(SlaClock.Pause(stamp, At("2026-03-07T06:10:00Z")), At("2026-03-07T09:10:00Z"), Table.Calendars);

        Assert.Equal(At("2026-03-07T09:30:00Z"), resumed.FirstResponseDueAt);
    }

    [Fact]
    public void Resume_AfterFirstResponse_OnlyOpenTargetsMove()
    {
        var options = new SlaOptions();
        options.Policies["gold-high"] = new SlaPolicyOptions { Resolution = "8 hours" };
        var table = SlaTable.Create(options);
        var stamp = new TableSlaPolicy(table).Stamp(Context(Account("Gold", "Active"), At("2026-03-07T06:00:00Z")), Priority.High).Value!;
        stamp = SlaClock.RecordFirstResponse(stamp, At("2026-03-07T06:20:00Z"));

        var resumed = SlaClock.Resume(SlaClock.Pause(stamp, At("2026-03-07T07:00:00Z")), At("2026-03-07T09:00:00Z"), table.Calendars);

        Assert.Equal(At("2026-03-07T06:30:00Z"), resumed.FirstResponseDueAt);
        Assert.Equal(At("2026-03-07T16:00:00Z"), resumed.ResolutionDueAt);
    }

    [Fact]
    public void Resume_DueAlreadyPassedWhenPaused_StaysBreached()
    {
        var stamp = FridayAfternoonGoldMedium();
        var paused = SlaClock.Pause(stamp, At("2026-03-09T10:00:00-03:00"));

        var resumed = SlaClock.Resume(paused, At("2026-03-10T10:00:00-03:00"), Table.Calendars);

        Assert.Equal(stamp.FirstResponseDueAt, resumed.FirstResponseDueAt);
        Assert.True(SlaClock.Evaluate(resumed, At("2026-03-10T10:00:00-03:00")).FirstResponseBreached);
    }

    [Fact]
    public void Resume_NotPaused_ReturnsTheSameStamp()
    {
        var stamp = FridayAfternoonGoldMedium();

        Assert.Same(stamp, SlaClock.Resume(stamp, At("2026-03-09T10:00:00-03:00"), Table.Calendars));
    }

    [Fact]
    public void Pause_AlreadyPaused_KeepsTheFirstPause()
    {
        var paused = SlaClock.Pause(FridayAfternoonGoldMedium(), At("2026-03-06T17:00:00-03:00"));

        var again = SlaClock.Pause(paused, At("2026-03-06T18:00:00-03:00"));

        Assert.Same(paused, again);
        Assert.Equal(At("2026-03-06T20:00:00Z"), again.PausedAt);
    }

    [Theory]
    [InlineData("2026-03-09T11:59:00Z", false)]
    [InlineData("2026-03-09T12:00:00Z", false)]
    [InlineData("2026-03-09T12:00:01Z", true)]
    public void RecordFirstResponse_ReplyAroundDueInstant_BreachedOnlyAfterIt(string at, bool breached)
    {
        var responded = SlaClock.RecordFirstResponse(FridayAfternoonGoldMedium(), At(at));

        Assert.Equal(At(at), responded.FirstRespondedAt);
        Assert.Equal(breached, responded.FirstResponseBreached);
    }

    [Fact]
    public void RecordFirstResponse_SecondReply_ChangesNothing()
    {
        var first = SlaClock.RecordFirstResponse(FridayAfternoonGoldMedium(), At("2026-03-06T16:00:00-03:00"));

        Assert.Same(first, SlaClock.RecordFirstResponse(first, At("2026-03-10T16:00:00-03:00")));
    }

    [Fact]
    public void RecordFirstResponse_WhilePaused_CountsAtThePause()
    {
        var paused = SlaClock.Pause(FridayAfternoonGoldMedium(), At("2026-03-06T17:00:00-03:00"));

        var responded = SlaClock.RecordFirstResponse(paused, At("2026-03-10T10:00:00-03:00"));

        Assert.False(responded.FirstResponseBreached);
    }

    [Fact]
    public void RecordResolution_AfterDue_Breached()
    {
        var options = new SlaOptions();
        options.Policies["gold-high"] = new SlaPolicyOptions { Resolution = "8 hours" };
        var stamp = new TableSlaPolicy(SlaTable.Create(options)).Stamp(Context(Account("Gold", "Active"), At("2026-03-07T06:00:00Z")), Priority.High).Value!;

        Assert.False(SlaClock.RecordResolution(stamp, At("2026-03-07T14:00:00Z")).ResolutionBreached);
        Assert.True(SlaClock.RecordResolution(stamp, At("2026-03-07T14:01:00Z")).ResolutionBreached);
    }

    [Theory]
    // Due Monday 09:00 local; at risk once 80 % (4 h 48 min) of the working time has run: Friday 19:48 local.
    [InlineData("2026-03-06T19:47:00-03:00", false, false)]
    [InlineData("2026-03-06T19:48:00-03:00", false, true)]
    [InlineData("2026-03-08T12:00:00-03:00", false, true)]
    [InlineData("2026-03-09T09:00:00-03:00", false, true)]
    [InlineData("2026-03-09T09:00:01-03:00", true, false)]
    public void Evaluate_OpenTicket_FlagsAtRiskThenBreached(string now, bool breached, bool atRisk)
    {
        var evaluation = SlaClock.Evaluate(FridayAfternoonGoldMedium(), At(now));

        Assert.Equal(breached, evaluation.FirstResponseBreached);
        Assert.Equal(breached, evaluation.Breached);
        Assert.Equal(atRisk, evaluation.FirstResponseAtRisk);
        Assert.Equal(atRisk, evaluation.AtRisk);
        Assert.False(evaluation.ResolutionBreached);
    }

    [Fact]
    public void Evaluate_PausedBeforeDue_NotBreachedLater()
    {
        var paused = SlaClock.Pause(FridayAfternoonGoldMedium(), At("2026-03-06T17:00:00-03:00"));

        var evaluation = SlaClock.Evaluate(paused, At("2026-03-20T12:00:00Z"));

        Assert.False(evaluation.Breached);
        Assert.False(evaluation.AtRisk);
    }

    [Fact]
    public void Evaluate_RespondedInTime_NeitherBreachedNorAtRisk()
    {
        var responded = SlaClock.RecordFirstResponse(FridayAfternoonGoldMedium(), At("2026-03-06T19:50:00-03:00"));

        Assert.Equal(SlaEvaluation.None, SlaClock.Evaluate(responded, At("2026-03-12T12:00:00Z")));
    }

    [Fact]
    public void Evaluate_BestEffort_NeverBreached()
    {
        Assert.False(SlaClock.Evaluate(null, At("2030-01-01T00:00:00Z")).Breached);
    }

    [Fact]
    public void Evaluate_WithFakeTimeProvider_FollowsTheInjectedClock()
    {
        var time = new FakeTimeProvider(At("2026-03-06T18:00:00Z"));
        var stamp = new TableSlaPolicy(Table).Stamp(Context(Account("Gold", "Active"), time.GetUtcNow()), Priority.High).Value!;

        time.Advance(TimeSpan.FromMinutes(25));
        var atRisk = SlaClock.Evaluate(stamp, time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(6));
        var breached = SlaClock.Evaluate(stamp, time.GetUtcNow());

        Assert.True(atRisk.AtRisk);
        Assert.False(atRisk.Breached);
        Assert.True(breached.Breached);
    }
}
