using System.Buffers;

namespace SyncHub.Host.Endpoints;

/// <summary>Reads a request body up to a limit; null when it is larger (answer 413) without reading the rest.</summary>
internal static class RequestBody
{
    /// <remarks>A <see cref="ValueTask{TResult}"/>: a body that came with the headers is read without waiting, and then nothing is allocated for the call.</remarks>
    public static async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // With a Content-Length the buffer holds the body and one byte more (a body longer than announced shows there);
        // it grows only without one (chunked) or for such a body. GetMemory() hands out what is free rather than asking
        // for a fixed amount, which had made every announced body reallocate into a second, larger array.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        while (true)
        {
            var memory = buffer.GetMemory();
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
