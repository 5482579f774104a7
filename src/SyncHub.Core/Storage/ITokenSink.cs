namespace SyncHub.Storage;

/// <summary>
/// Receives the tokens of a ticket as <see cref="SearchTokens.AddTo(ITokenSink, Domain.Ticket)"/> finds them, each as a
/// span of its characters (a token can come more than once: the sink keeps each once).
/// </summary>
public interface ITokenSink
{
    void Add(ReadOnlySpan<char> token);
}
