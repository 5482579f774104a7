using System.Globalization;
using System.Text;
using SyncHub.Domain;

namespace SyncHub.Bench;

/// <summary>
/// Intake records as an adapter would hand them over: distinct external ids, mixed channels, a body of the given size:
/// by default a customer's message of its own per record (<see cref="SupportText.Message"/>, deterministic), or with
/// <c>repeated</c> one sentence repeated, the same for every record (the body before: it compresses about tenfold).
/// </summary>
internal static class BenchRecords
{
    private static readonly Channel[] Channels = [Channel.Web, Channel.Email, Channel.Chat, Channel.Phone, Channel.AppReview];

    public static IntakeRecord[] Create(string run, int count, int bodyBytes, bool repeatedBody, TimeProvider time)
    {
        var repeated = Repeated(bodyBytes);
        var records = new IntakeRecord[count];
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            records[i] = new IntakeRecord
            {
                Source = "Bench",
                ExternalId = $"{run}-{n}",
                Channel = Channels[i % Channels.Length],
                Requester = new Requester("Bench Customer", $"customer{n}@example.com"),
                Subject = $"Request {n}: the export does nothing",
                Body = repeatedBody ? repeated : SupportText.Message(new Random(i), bodyBytes),
                ReceivedAt = time.GetUtcNow(),
                Diagnostics = new Dictionary<string, string> { ["clientVersion"] = "6.4.1" },
            };
        }

        return records;
    }

    private static string Repeated(int bytes)
    {
        const string Sentence = "When I press export on the reports page nothing happens and no file is written. ";
        var text = new StringBuilder(bytes + Sentence.Length);
        while (text.Length < bytes)
        {
            text.Append(Sentence);
        }

        return text.ToString(0, bytes);
    }
}
