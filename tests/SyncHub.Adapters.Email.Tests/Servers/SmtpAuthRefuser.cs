using System.Net.Sockets;
using System.Text;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>An SMTP server that offers AUTH and refuses every login with 535, as a server does for a wrong password.</summary>
public sealed class SmtpAuthRefuser : LoopbackServer
{
    protected override async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 smtp.synchub.test ESMTP");
        while (await reader.ReadLineAsync(Stopping.Token) is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            await writer.WriteLineAsync(command switch
            {
                "EHLO" => "250-smtp.synchub.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME",
                "HELO" => "250 smtp.synchub.test",
                "AUTH" => "535 5.7.8 Authentication credentials invalid",
                "QUIT" => "221 2.0.0 Bye",
                _ => "503 5.5.1 Authentication required",
            });
            if (command == "QUIT")
            {
                return;
            }
        }
    }
}
