using System.Text.RegularExpressions;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// X answers 403 both for the app's or the account's access (credentials: no message can go) and for refusals of one
/// message, which a retry will not fix but which say nothing of the credentials. These are the documented ones.
/// </summary>
internal static partial class TwitterRefusals
{
    /// <summary>"You are not allowed to create a Tweet with duplicate content."</summary>
    public static bool IsDuplicate(string? detail) =>
        detail?.Contains("duplicate content", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// A refusal of this message: a duplicate; "Reply to this conversation is not allowed because you have not been mentioned
    /// or otherwise engaged by the author..."; "You attempted to reply to a Tweet that is deleted or not visible to you.";
    /// a recipient who does not take direct messages from the account.
    /// </summary>
    public static bool IsAboutTheMessage(string? detail) =>
        detail is not null && (IsDuplicate(detail) || MessageRefusal().IsMatch(detail));

    /// <summary>Text compared without its links (X turns them into t.co links), its escaping and its spacing.</summary>
    public static string Comparable(string text) =>
        string.Join(' ', Links().Replace(TweetMapper.Unescape(text), " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"reply to this conversation is not allowed|deleted or not visible|send (?:direct )?messages? to|send a (?:dm|direct message)|not accepting (?:dms|direct messages)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageRefusal();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();
}
