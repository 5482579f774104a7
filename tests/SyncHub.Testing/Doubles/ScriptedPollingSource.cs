using System.Collections.Concurrent;
using SyncHub.Adapters;

namespace SyncHub.Testing.Doubles;

/// <summary>
/// A polling source that serves scripted pages by cursor (null = the first page), and can be told to fail
/// the next N fetches. Records every cursor it was asked for.
/// </summary>
public sealed class ScriptedPollingSource(string name) : IPollingSource
{
    private readonly ConcurrentDictionary<string, IntakePage> pages = new();
    private int failuresLeft;

    public string Name { get; } = name;

    public ConcurrentQueue<string?> Requested { get; } = new();

    public void Page(string? cursor, IntakePage page) => pages[cursor ?? ""] = page;

    private Func<Exception> failure = () => new HttpRequestException("scripted failure");

    public void FailNext(int count, Func<Exception>? error = null)
    {
        failure = error ?? failure;
        Interlocked.Exchange(ref failuresLeft, count);
    }

    public Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        Requested.Enqueue(cursor);
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw failure();
        }

        return Task.FromResult(pages.TryGetValue(cursor ?? "", out var page) ? page : IntakePage.Empty(cursor));
    }
}
