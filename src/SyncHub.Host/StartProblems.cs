namespace SyncHub.Host;

/// <summary>
/// Where the build of the hub reports what stops a start. A start throws the first one
/// (<see cref="StartFailureException"/>); <c>synchub check-config</c> collects them all and goes on.
/// </summary>
internal sealed class StartProblems
{
    private readonly List<string> lines = [];

    private StartProblems(bool collect)
    {
        Collects = collect;
    }

    public bool Collects { get; }

    public IReadOnlyList<string> Lines => lines;

    public static StartProblems Throwing() => new(false);

    public static StartProblems Collecting() => new(true);

    public void Report(string line, Exception? cause = null)
    {
        if (!Collects)
        {
            throw cause is null ? new StartFailureException(line) : new StartFailureException(line, cause);
        }

        lines.Add(line);
    }
}
