using System.Text;
using MimeKit;

namespace SyncHub.Adapters.Email.Tests;

internal static class Parse
{
    /// <summary>A raw message (a string of bytes 0-255) as MimeKit reads it.</summary>
    public static MimeMessage Message(string raw, int maxMimeDepth = 1024)
    {
        // MimeKit remembers a charset it could not find: register the code pages before it first looks.
        Charsets.EnsureRegistered();
        return MimeMessage.Load(new ParserOptions { MaxMimeDepth = maxMimeDepth }, new MemoryStream(Encoding.Latin1.GetBytes(raw)));
    }
}
