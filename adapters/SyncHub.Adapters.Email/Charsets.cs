using System.Text;
using MimeKit.IO.Filters;

namespace SyncHub.Adapters.Email;

/// <summary>
/// The charsets MimeKit can decode: everything .NET knows once the code-page provider is registered. MimeKit
/// remembers a charset it could not find, so the provider must be registered before its first parse in the
/// process: the modules do it at registration, the source and the notifier before they parse or compose.
/// </summary>
internal static class Charsets
{
    private static readonly bool Registered = Register();

    /// <summary>Makes the legacy code pages (windows-1252, koi8-r, iso-2022-jp...) available to MimeKit.</summary>
    public static bool EnsureRegistered() => Registered;

    /// <summary>True when MimeKit can decode text in <paramref name="charset"/>.</summary>
    public static bool IsKnown(string charset)
    {
        EnsureRegistered();
        try
        {
            _ = new CharsetFilter(charset, "utf-8");
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
