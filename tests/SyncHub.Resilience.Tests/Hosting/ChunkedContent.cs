using System.Net;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>A body sent with <c>Transfer-Encoding: chunked</c> (no Content-Length), written in small pieces.</summary>
internal sealed class ChunkedContent(byte[] body) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += 8192)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(8192, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
