namespace SyncHub.Adapters.Freshcaller;

/// <summary>The recording of a call, when one was made.</summary>
internal sealed record FreshcallerRecording(long? Id, string? Url, double? Duration, string? DurationUnit);
