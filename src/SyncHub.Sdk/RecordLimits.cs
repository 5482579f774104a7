namespace SyncHub.Adapters;

/// <summary>
/// The bounds every <see cref="Domain.IntakeRecord"/> must keep to; the core dead-letters a record that exceeds one.
/// An adapter that can shorten a field (a subject, a long message id) does so against these limits and says so.
/// </summary>
public static class RecordLimits
{
    /// <summary>The longest source, external id or thread key.</summary>
    public const int MaxIdLength = 512;

    public const int MaxSubjectLength = 1000;

    public const int MaxBodyLength = 1_000_000;

    /// <summary>The longest requester name or handle, product, department hint or diagnostics key.</summary>
    public const int MaxFieldLength = 2_000;

    /// <summary>The longest diagnostics value (an e-mail's list of 20 attachments fits).</summary>
    public const int MaxDiagnosticLength = 8_000;

    /// <summary>The longest requester e-mail address (RFC 5321 allows 254 in a path) or phone number.</summary>
    public const int MaxAddressLength = 320;

    /// <summary>The most diagnostics entries a record may carry.</summary>
    public const int MaxDiagnostics = 64;
}
