using System.Collections.Concurrent;
using System.Net;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>Remembers every answer the hub gave, so a suite can assert that none of them was a 5xx.</summary>
internal sealed class StatusRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Request, HttpStatusCode Status)> answers = new();

    public StatusRecorder()
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
    }

    public IReadOnlyCollection<(string Request, HttpStatusCode Status)> Answers => answers;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        answers.Enqueue(($"{request.Method} {request.RequestUri?.PathAndQuery}", response.StatusCode));
        return response;
    }
}
