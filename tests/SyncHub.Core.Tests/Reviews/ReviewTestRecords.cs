using SyncHub.Domain;
using SyncHub.Reviews;

namespace SyncHub.Core.Tests.Reviews;

internal static class ReviewTestRecords
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static IntakeRecord Review(
        string id,
        int? rating = 2,
        string text = "The app crashes when I open a channel.",
        string? version = "4.2.0",
        string? track = null,
        string store = "gp",
        DateTimeOffset? at = null,
        string? threadKey = null,
        string appId = "chat.rocket.android")
    {
        var diagnostics = new Dictionary<string, string> { [ReviewDiagnostics.Store] = store, [ReviewDiagnostics.AppId] = appId };
        if (rating is { } stars)
        {
            diagnostics[ReviewDiagnostics.Rating] = stars.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (version is not null)
        {
            diagnostics[ReviewDiagnostics.AppVersion] = version;
        }

        if (track is not null)
        {
            diagnostics[ReviewDiagnostics.Track] = track;
        }

        return new IntakeRecord
        {
            Source = "AppFollow",
            ExternalId = id,
            ThreadKey = threadKey,
            Channel = Channel.AppReview,
            Requester = new Requester("Ana Souza"),
            Subject = "",
            Body = text,
            ReceivedAt = at ?? Now.AddMinutes(-30),
            Diagnostics = diagnostics,
        };
    }
}
