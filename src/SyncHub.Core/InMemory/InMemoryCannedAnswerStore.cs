using SyncHub.Workflow;

namespace SyncHub.InMemory;

/// <summary>Canned answers in process memory (the zero-setup run).</summary>
public sealed class InMemoryCannedAnswerStore : ICannedAnswerStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CannedAnswer> answers = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<CannedAnswer>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<CannedAnswer>>([.. answers.Values.OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<CannedAnswer?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(answers.GetValueOrDefault(id));
        }
    }

    public Task<CannedAnswer> AddAsync(CannedAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (gate)
        {
            return Task.FromResult(answers.TryAdd(answer.Id, answer) ? answer : answers[answer.Id]);
        }
    }

    public Task<bool> ReplaceAsync(CannedAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (gate)
        {
            if (!answers.ContainsKey(answer.Id))
            {
                return Task.FromResult(false);
            }

            answers[answer.Id] = answer;
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(answers.Remove(id));
        }
    }
}
