using Microsoft.Extensions.Time.Testing;

namespace SyncHub.Sdk.Testing;

/// <summary>
/// Runs code that waits on a <see cref="FakeTimeProvider"/> (retry backoff, Retry-After, rate-limit resets) to its end
/// by advancing the clock in steps. Bounded: it never turns into a timing assertion and never hangs a run.
/// </summary>
public static class FakeClock
{
    /// <summary>How many steps <see cref="PumpAsync{T}"/> takes at most before it gives up.</summary>
    public const int MaxSteps = 2000;

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> every few real milliseconds until
    /// <paramref name="task"/> completes, then returns its result; throws <see cref="FakeClockExhaustedException"/> when it has not
    /// completed after <see cref="MaxSteps"/> steps.
    /// </summary>
    public static async Task<T> PumpAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        await PumpAsync(time, (Task)task, step);
        return await task;
    }

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> every few real milliseconds until
    /// <paramref name="task"/> completes; throws <see cref="FakeClockExhaustedException"/> when it has not completed after
    /// <see cref="MaxSteps"/> steps.
    /// </summary>
    public static async Task PumpAsync(this FakeTimeProvider time, Task task, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(task);
        for (var i = 0; i < MaxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(5));
        }

        if (!task.IsCompleted)
        {
            throw new FakeClockExhaustedException($"the call did not complete while the fake clock advanced {MaxSteps} steps of {step}");
        }

        await task;
    }
}
