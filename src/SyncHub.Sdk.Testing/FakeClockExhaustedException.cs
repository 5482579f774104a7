namespace SyncHub.Sdk.Testing;

/// <summary>A call still waited after <see cref="FakeClock"/> had advanced the fake clock as far as it goes: it hangs.</summary>
public sealed class FakeClockExhaustedException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public FakeClockExhaustedException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public FakeClockExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception behind it.</summary>
    public FakeClockExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
