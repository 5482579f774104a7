namespace SyncHub.Adapters.Email;

/// <summary>How far a folder has been read: its UIDVALIDITY and the last UID handed to the core.</summary>
internal sealed record FolderPosition(uint UidValidity, uint LastUid);
