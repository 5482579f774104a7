using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using SyncHub.Pipeline;
using SyncHub.Domain;
using SyncHub.Policies.Rules;

namespace SyncHub.Reviews;

/// <summary>
/// <see cref="ReviewOptions"/> merged with the defaults and validated: the beta test, the priority rules (by order,
/// then id), the critical condition and the vocabulary. Errors are keyed relative to <c>SyncHub:Reviews</c>.
/// </summary>
public sealed class ReviewRules
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private ReviewRules(ReviewOptions options, Regex betaVersion, IReadOnlySet<string> betaTracks, IReadOnlyList<BetaApp> betaApps, IReadOnlyList<ReviewRule> priorityRules, ReviewCondition critical, ReviewVocabulary vocabulary)
    {
        Options = options;
        BetaVersion = betaVersion;
        versionVerdicts = new(version => BetaVersion.IsMatch(version)
            ? (true, $"version {version} matches the beta pattern {BetaVersion}")
            : (false, $"version {version} is a release"));
        BetaTracks = betaTracks;
        BetaApps = betaApps;
        PriorityRules = priorityRules;
        Critical = critical;
        Vocabulary = vocabulary;
    }

    // A version's verdict and reason, made once (every review of a release asks again).
    private readonly RecurringValues<string, (bool IsBeta, string Reason)> versionVerdicts;

    public ReviewOptions Options { get; }

    public Regex BetaVersion { get; }

    public IReadOnlySet<string> BetaTracks { get; }

    /// <summary>The apps (or tracks of apps) listed as beta builds (<see cref="ReviewOptions.BetaApps"/>).</summary>
    public IReadOnlyList<BetaApp> BetaApps { get; }

    public IReadOnlyList<ReviewRule> PriorityRules { get; }

    public ReviewCondition Critical { get; }

    public ReviewVocabulary Vocabulary { get; }

    /// <summary>The rules from <paramref name="options"/>; throws listing every error when they are invalid.</summary>
    public static ReviewRules Create(ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SettingError>();
        var rules = Build(options, errors);
        return errors.Count == 0 && rules is not null
            ? rules
            : throw new ArgumentException($"invalid {ReviewOptions.SectionName}: {string.Join("; ", errors)}", nameof(options));
    }

    public static IReadOnlyList<SettingError> Validate(ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SettingError>();
        Build(options, errors);
        return errors;
    }

    /// <summary>
    /// Whether the review is of a beta, and why: its app (or that app's track) is listed as beta, the store's track is a
    /// test track, or the version matches the pattern.
    /// </summary>
    public (bool IsBeta, string Reason) Beta(ReviewFacts review)
    {
        ArgumentNullException.ThrowIfNull(review);
        for (var i = 0; i < BetaApps.Count; i++)
        {
            if (BetaApps[i].Match(review) is { } listed)
            {
                return (true, listed);
            }
        }

        if (review.Track is { } track && BetaTracks.Contains(track.Trim().ToLowerInvariant()))
        {
            return (true, $"the store's {track} track");
        }

        return review.Version is { } version ? versionVerdicts[version] : (false, "no version given");
    }

    private static ReviewRules? Build(ReviewOptions options, List<SettingError> errors)
    {
        Regex? beta = null;
        if (string.IsNullOrWhiteSpace(options.BetaVersionPattern))
        {
            errors.Add(new(nameof(ReviewOptions.BetaVersionPattern), "is required: a regular expression for beta versions"));
        }
        else
        {
            try
            {
                beta = new Regex(options.BetaVersionPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                errors.Add(new(nameof(ReviewOptions.BetaVersionPattern), $"is not a valid regular expression: {ex.Message}"));
            }
        }

        foreach (var (name, team) in new[] { (nameof(ReviewOptions.InHouseTeam), options.InHouseTeam), (nameof(ReviewOptions.RemoteTeam), options.RemoteTeam) })
        {
            if (string.IsNullOrWhiteSpace(team))
            {
                errors.Add(new(name, "is required: the team's name"));
            }
        }

        if (string.IsNullOrWhiteSpace(options.MobileChannel))
        {
            errors.Add(new(nameof(ReviewOptions.MobileChannel), "is required: the mobile team's chat room, e.g. #mobile"));
        }

        if (!string.IsNullOrEmpty(options.TicketLink) && !Uri.TryCreate(options.TicketLink.Replace("{number}", "1", StringComparison.Ordinal).Replace("{id}", "x", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            errors.Add(new(nameof(ReviewOptions.TicketLink), "must be an absolute URL with {number} or {id}"));
        }

        var frequent = options.Frequent ?? new FrequentIssueOptions();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(frequent, new ValidationContext(frequent), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => new SettingError($"{nameof(ReviewOptions.Frequent)}:{string.Join(",", r.MemberNames)}", r.ErrorMessage ?? "is invalid")));

        var vocabulary = BuildVocabulary(options, errors);
        var critical = ReviewCondition.Create(options.Critical ?? ReviewDefaults.Critical, nameof(ReviewOptions.Critical), vocabulary, errors);
        var rules = BuildRules(options, vocabulary, errors);
        var tracks = (options.BetaTracks ?? [.. ReviewDefaults.BetaTracks])
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim().ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

        var betaApps = BuildBetaApps(options, errors);

        return beta is null || critical is null ? null : new ReviewRules(options, beta, tracks, betaApps, rules, critical, new ReviewVocabulary(vocabulary));
    }

    private static List<BetaApp> BuildBetaApps(ReviewOptions options, List<SettingError> errors)
    {
        var apps = new List<BetaApp>();
        for (var i = 0; i < options.BetaApps.Count; i++)
        {
            var app = options.BetaApps[i];
            var key = $"{nameof(ReviewOptions.BetaApps)}:{i}";
            var errorCount = errors.Count;
            if (app is null || string.IsNullOrWhiteSpace(app.AppId))
            {
                errors.Add(new($"{key}:{nameof(BetaAppOptions.AppId)}", "is required: the app's store id (App Store numeric id, Google Play package name)"));
                continue;
            }

            string? store = null;
            if (!string.IsNullOrWhiteSpace(app.Store))
            {
                store = app.Store.Trim().ToLowerInvariant() switch
                {
                    "gp" or "googleplay" => "gp",
                    "as" or "appstore" => "as",
                    _ => null,
                };
                if (store is null)
                {
                    errors.Add(new($"{key}:{nameof(BetaAppOptions.Store)}", $"'{app.Store}' is not a store: GooglePlay (gp) or AppStore (as), or empty for any store"));
                }
            }

            var tracks = new HashSet<string>(StringComparer.Ordinal);
            for (var t = 0; t < app.Tracks.Count; t++)
            {
                if (string.IsNullOrWhiteSpace(app.Tracks[t]))
                {
                    errors.Add(new($"{key}:{nameof(BetaAppOptions.Tracks)}:{t}", "is empty: name a track of the app, or list no tracks to make every review of the app a beta"));
                }
                else
                {
                    tracks.Add(app.Tracks[t].Trim().ToLowerInvariant());
                }
            }

            if (errors.Count == errorCount)
            {
                apps.Add(new BetaApp(app.AppId.Trim(), store, tracks));
            }
        }

        return apps;
    }

    private static Dictionary<string, IReadOnlyList<string>> BuildVocabulary(ReviewOptions options, List<SettingError> errors)
    {
        var merged = new Dictionary<string, List<string>>(ReviewDefaults.Vocabulary, StringComparer.OrdinalIgnoreCase);
        foreach (var (concept, terms) in options.Vocabulary)
        {
            merged[concept] = terms;
        }

        var vocabulary = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (concept, terms) in merged)
        {
            if (terms is null || terms.Count == 0)
            {
                continue;
            }

            var normalized = new List<string>();
            for (var i = 0; i < terms.Count; i++)
            {
                var term = ReviewText.Term(terms[i]);
                if (term.Length < 3)
                {
                    errors.Add(new($"{nameof(ReviewOptions.Vocabulary)}:{concept}:{i}", $"'{terms[i]}' is too short: a term needs at least two letters or digits"));
                }
                else
                {
                    normalized.Add(term);
                }
            }

            vocabulary[concept] = normalized;
        }

        return vocabulary;
    }

    private static List<ReviewRule> BuildRules(ReviewOptions options, Dictionary<string, IReadOnlyList<string>> vocabulary, List<SettingError> errors)
    {
        var rules = new List<ReviewRule>();
        foreach (var (id, rule) in DefaultsMerge.ByKey(options.PriorityRules, ReviewDefaults.PriorityRules, (r, d) => r.WithDefaults(d)))
        {
            var key = $"{nameof(ReviewOptions.PriorityRules)}:{id}";
            if (!ConfigValue.TryParseBool(rule.Enabled, fallback: true, out var enabled))
            {
                errors.Add(new($"{key}:{nameof(ReviewRuleOptions.Enabled)}", $"'{rule.Enabled}' is not true or false"));
                continue;
            }

            if (!enabled)
            {
                continue;
            }

            var errorCount = errors.Count;
            if (!ConfigValue.TryParseInt(rule.Order, out var order))
            {
                errors.Add(new($"{key}:{nameof(ReviewRuleOptions.Order)}", "is required: a whole number; rules run by Order, lowest first"));
            }

            if (!ConfigValue.TryParseEnum<Priority>(rule.Priority, out var priority))
            {
                errors.Add(new($"{key}:{nameof(ReviewRuleOptions.Priority)}", string.IsNullOrWhiteSpace(rule.Priority)
                    ? $"is required: {ConfigValue.Names<Priority>()}"
                    : $"'{rule.Priority}' is not one of {ConfigValue.Names<Priority>()}"));
            }

            var when = ReviewCondition.Create(rule.When, $"{key}:{nameof(ReviewRuleOptions.When)}", vocabulary, errors);
            if (errors.Count == errorCount && when is not null)
            {
                rules.Add(new ReviewRule(id, order, when, priority, string.IsNullOrWhiteSpace(rule.Reason) ? $"rule {id}" : rule.Reason.Trim()));
            }
        }

        return [.. rules.OrderBy(r => r.Order).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }
}
