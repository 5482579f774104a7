namespace SyncHub.Adapters.Email;

/// <summary>Message-ID values as SyncHub stores them: without angle brackets or surrounding space.</summary>
internal static class MessageIds
{
    /// <summary>The id without <c>&lt;&gt;</c> and whitespace, or null when nothing is left.</summary>
    public static string? Normalize(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var trimmed = id.Trim().TrimStart('<').TrimEnd('>').Trim();
        return trimmed.Length == 0 || trimmed.Any(char.IsControl) || trimmed.Any(char.IsWhiteSpace) ? null : trimmed;
    }
}
