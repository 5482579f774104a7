namespace SyncHub.Reviews;

/// <summary>The built-in review rules and vocabulary (English, Portuguese and Spanish wording); the adapter README lists them.</summary>
internal static class ReviewDefaults
{
    public static IReadOnlyList<string> BetaTracks { get; } = ["beta", "alpha", "internal", "testflight", "test"];

    /// <summary>The concepts a critical review mentions.</summary>
    public static IReadOnlyList<string> CriticalConcepts { get; } = ["crash", "login", "data-loss"];

    public static IReadOnlyDictionary<string, List<string>> Vocabulary { get; } = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["crash"] = ["crash", "force close", "keeps closing", "closes by itself", "freezes", "frozen", "not opening", "won't open", "wont open", "trava", "travando", "fecha sozinho", "se cierra"],
        ["login"] = ["login", "log in", "logged out", "sign in", "signin", "can't log", "cannot log", "password", "2fa", "two factor", "authentication", "nao consigo entrar", "nao consigo logar", "iniciar sesion"],
        ["data-loss"] = ["data loss", "lost my", "lost all", "lost messages", "messages disappeared", "history gone", "deleted my", "perdi", "perdeu", "sumiram", "perdi mis"],
        ["connection"] = ["cannot connect", "can't connect", "connection", "offline", "server not responding", "sem conexao", "no conecta"],
        ["notifications"] = ["notification", "push", "notificac"],
        ["battery"] = ["battery", "drain", "bateria"],
    };

    public static ReviewConditionOptions Critical => new() { MaxRating = "2", Concepts = [.. CriticalConcepts] };

    public static IReadOnlyDictionary<string, ReviewRuleOptions> PriorityRules { get; } = new Dictionary<string, ReviewRuleOptions>
    {
        ["critical-wording"] = new()
        {
            Order = "10",
            When = new() { MaxRating = "2", Concepts = [.. CriticalConcepts] },
            Priority = "High",
            Reason = "a low rating reporting a crash, a login problem or lost data",
        },
        ["low-rating"] = new()
        {
            Order = "20",
            When = new() { MaxRating = "2" },
            Priority = "Medium",
            Reason = "a low rating",
        },
    };
}
