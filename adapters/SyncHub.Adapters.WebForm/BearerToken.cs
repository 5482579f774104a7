namespace SyncHub.Adapters.WebForm;

/// <summary>Checks an <c>Authorization: Bearer</c> header against the configured token in constant time.</summary>
internal static class BearerToken
{
    public static bool Matches(string? header, string expected)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(expected) || header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Secrets.Matches(header[scheme.Length..], expected);
    }
}
