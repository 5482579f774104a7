using System.Text;

namespace SyncHub.Resilience.Tests.Fakes;

/// <summary>Reads lines that end with CRLF only (a bare CR or LF stays inside the line), as UTF-8.</summary>
internal sealed class CrlfReader(Stream stream)
{
    private readonly byte[] buffer = new byte[8192];
    private readonly MemoryStream line = new();
    private int start;
    private int end;

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        line.SetLength(0);
        while (true)
        {
            if (start == end)
            {
                end = await stream.ReadAsync(buffer, cancellationToken);
                start = 0;
                if (end == 0)
                {
                    return null;
                }
            }

            var b = buffer[start++];
            line.WriteByte(b);
            if (b == '\n' && line.Length >= 2 && line.GetBuffer()[line.Length - 2] == '\r')
            {
                return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length - 2);
            }
        }
    }
}
