namespace SyncHub.Host;

/// <summary>One static file of the dashboard, held in memory with its content type and a strong ETag.</summary>
internal sealed record DashboardAsset(string Path, ReadOnlyMemory<byte> Content, string ContentType, string ETag);
