using System.Buffers;
using System.Globalization;
using System.Text;
using SyncHub.Domain;

namespace SyncHub.Storage;

/// <summary>
/// The words a ticket is found by, shared by both stores. A token is lower-cased, folded (diacritics removed:
/// "São" is "sao"), at least <see cref="MinLength"/> and at most <see cref="MaxLength"/> characters, not a common
/// English stop word. Indexed: the number, the requester's name, e-mail (the whole address as one token, and its
/// words), phone (its digits as one token), the account name, the subject and the first <see cref="BodyChars"/>
/// characters of the body. A query word matches a ticket that has a token starting with it.
/// </summary>
public static class SearchTokens
{
    public const int MinLength = 2;

    public const int MaxLength = 40;

    /// <summary>How much of the body is indexed.</summary>
    public const int BodyChars = 2_000;

    /// <summary>At most this many words of a query are used.</summary>
    public const int MaxQueryWords = 8;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his", "if", "in",
        "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "so", "that", "the", "their", "them",
        "then", "there", "these", "they", "this", "to", "was", "we", "were", "will", "with", "you", "your", "can", "do",
        "does", "did", "am", "been", "would", "should", "could", "hi", "hello", "thanks", "please", "regards",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The distinct tokens of <paramref name="ticket"/>.</summary>
    public static HashSet<string> Of(Ticket ticket)
    {
        var tokens = new HashSet<string>(16, StringComparer.Ordinal);
        AddTo(new SetSink(tokens), ticket);
        return tokens;
    }

    /// <summary>
    /// Gives <paramref name="sink"/> each token of <paramref name="ticket"/> (those <see cref="Of"/> holds), as a span: a
    /// sink that only writes them needs no string per token. No token holds a space.
    /// </summary>
    public static void AddTo(ITokenSink sink, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ticket);
        AddWords(sink, ticket.Subject);
        AddWords(sink, ticket.Body.Length > BodyChars ? ticket.Body.AsSpan(0, BodyChars) : ticket.Body);
        AddWords(sink, ticket.Requester.Name);
        AddWords(sink, ticket.Account?.Name);
        if (Email(ticket.Requester.Email) is { } email)
        {
            sink.Add(email);
            AddWords(sink, email);
        }

        if (Phone(ticket.Requester.Phone) is { } phone)
        {
            sink.Add(phone);
        }
    }

    /// <summary>
    /// The words of a query, each as the tokens it is matched by (an e-mail address is one word, a phone number its
    /// digits, <c>#10042</c> the number), without repeats, at most <see cref="MaxQueryWords"/>.
    /// </summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(query))
        {
            return words;
        }

        var parts = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(parts);
        if (parts.Length > 1 && IsPhoneLike(joined) && (joined[0] == '+' || joined.Contains('(', StringComparison.Ordinal) || parts.Length >= 3)
            && Phone(joined) is { } wholePhone)
        {
            // A phone number written with spaces ("+33 1 44 55 66 77") is one word: its digits.
            return [wholePhone];
        }

        foreach (var part in parts)
        {
            if (Email(part) is { } email)
            {
                Add(words, email);
                continue;
            }

            var trimmed = part.TrimStart('#');
            if (IsPhoneLike(trimmed) && Phone(trimmed) is { } digits)
            {
                Add(words, digits);
                continue;
            }

            var queryTokens = new HashSet<string>(StringComparer.Ordinal);
            AddWords(new SetSink(queryTokens), part);
            foreach (var token in queryTokens)
            {
                Add(words, token);
            }
        }

        return words.Count > MaxQueryWords ? words[..MaxQueryWords] : words;
    }

    /// <summary>True when <paramref name="ticket"/> matches every word of <paramref name="words"/> (prefix match; a number matches the ticket's number too).</summary>
    public static bool Matches(Ticket ticket, IReadOnlyCollection<string> tokens, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            if (word == ticket.Number.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }

            if (!tokens.Any(t => t.StartsWith(word, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word that is a whole number (the ticket number a query word may name), else null.</summary>
    public static long? NumberOf(string word) =>
        long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>The lower-cased, trimmed address when <paramref name="text"/> is one e-mail address, else null.</summary>
    public static string? Email(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = Fold(text.Trim());
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 && trimmed.Length <= 254 && !HasWhiteSpace(trimmed) ? trimmed : null;
    }

    /// <summary>The digits of a phone number (at least 5), else null.</summary>
    public static string? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var count = 0;
        foreach (var c in text)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        if (count is < 5 or > MaxLength)
        {
            return null;
        }

        return string.Create(count, text, static (digits, text) =>
        {
            var i = 0;
            foreach (var c in text)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits[i++] = c;
                }
            }
        });
    }

    /// <summary>Lower case without diacritics.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text))
        {
            // ASCII has no diacritics and decomposes to itself: lower case is the whole fold (and no copy when already lower).
            return text.ToLowerInvariant();
        }

        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch
                {
                    'ß' => 's',
                    'ø' => 'o',
                    'ł' => 'l',
                    'đ' => 'd',
                    _ => c,
                });
            }
        }

        return folded.ToString();
    }

    private static bool IsPhoneLike(string text) =>
        text.Length > 0 && (text[0] == '+' || char.IsAsciiDigit(text[0]))
        && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or '.' or '/')
        && text.Count(char.IsAsciiDigit) >= 5 && text.Any(c => !char.IsAsciiDigit(c));

    private static void Add(List<string> words, string word)
    {
        if (!words.Contains(word))
        {
            words.Add(word);
        }
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddWords(ITokenSink tokens, string? text) => AddWords(tokens, text.AsSpan());

    /// <summary>
    /// Adds the words of <paramref name="text"/>. ASCII text (nearly all) is lower-cased into a scratch buffer and each
    /// word handed on as a span (a set makes a string only of a token it does not hold yet); other text is folded as a whole.
    /// </summary>
    private static void AddWords(ITokenSink tokens, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (!Ascii.IsValid(text))
        {
            AddFoldedWords(tokens, Fold(text.ToString()));
            return;
        }

        char[]? rented = null;
        var folded = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        Ascii.ToLower(text, folded, out _);
        AddFoldedWords(tokens, folded);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static void AddFoldedWords(ITokenSink tokens, ReadOnlySpan<char> folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var length = i - start;
                if (length >= MinLength)
                {
                    var token = folded.Slice(start, Math.Min(length, MaxLength));
                    if (!StopWordLookup.Contains(token))
                    {
                        tokens.Add(token);
                    }
                }

                start = -1;
            }
        }
    }

    /// <summary>Keeps each token once in a set (looked up as a span: a string is made only for a token it lacks).</summary>
    private sealed class SetSink(HashSet<string> tokens) : ITokenSink
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();

        public void Add(ReadOnlySpan<char> token) => lookup.Add(token);
    }
}
