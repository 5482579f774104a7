using SyncHub.Domain;

namespace SyncHub.Sla;

/// <summary>
/// The organisation's published SLA table and the <c>support</c> calendar (DESIGN.md, "Policies"); what
/// <c>SyncHub:Sla</c> is merged with. Sla/README.md documents the same values.
/// </summary>
internal static class SlaDefaults
{
    public const string SupportCalendar = "support";

    public static IReadOnlyList<string> ActiveStatuses { get; } = ["Active", "Customer"];

    /// <summary>Brazil's national holidays (federal law) for 2026 and 2027.</summary>
    public static IReadOnlyDictionary<string, string> BrazilianHolidays { get; } = new Dictionary<string, string>
    {
        ["2026-01-01"] = "New Year's Day (Confraternização Universal)",
        ["2026-04-03"] = "Good Friday (Paixão de Cristo)",
        ["2026-04-21"] = "Tiradentes",
        ["2026-05-01"] = "Labour Day (Dia do Trabalho)",
        ["2026-09-07"] = "Independence Day (Independência do Brasil)",
        ["2026-10-12"] = "Our Lady of Aparecida (Nossa Senhora Aparecida)",
        ["2026-11-02"] = "All Souls' Day (Finados)",
        ["2026-11-15"] = "Republic Day (Proclamação da República)",
        ["2026-11-20"] = "Black Consciousness Day (Consciência Negra)",
        ["2026-12-25"] = "Christmas Day (Natal)",
        ["2027-01-01"] = "New Year's Day (Confraternização Universal)",
        ["2027-03-26"] = "Good Friday (Paixão de Cristo)",
        ["2027-04-21"] = "Tiradentes",
        ["2027-05-01"] = "Labour Day (Dia do Trabalho)",
        ["2027-09-07"] = "Independence Day (Independência do Brasil)",
        ["2027-10-12"] = "Our Lady of Aparecida (Nossa Senhora Aparecida)",
        ["2027-11-02"] = "All Souls' Day (Finados)",
        ["2027-11-15"] = "Republic Day (Proclamação da República)",
        ["2027-11-20"] = "Black Consciousness Day (Consciência Negra)",
        ["2027-12-25"] = "Christmas Day (Natal)",
    };

    /// <summary>The 12x5 support calendar: Monday to Friday, 08:00-20:00 in São Paulo, national holidays off.</summary>
    public static IReadOnlyDictionary<string, SlaCalendarOptions> Calendars { get; } = new Dictionary<string, SlaCalendarOptions>
    {
        [SupportCalendar] = new()
        {
            TimeZone = "America/Sao_Paulo",
            Hours = new(StringComparer.OrdinalIgnoreCase)
            {
                ["Monday"] = "08:00-20:00",
                ["Tuesday"] = "08:00-20:00",
                ["Wednesday"] = "08:00-20:00",
                ["Thursday"] = "08:00-20:00",
                ["Friday"] = "08:00-20:00",
            },
            Holidays = new(BrazilianHolidays, StringComparer.OrdinalIgnoreCase),
        },
    };

    /// <summary>
    /// The published table: Community best effort; Low and Medium on the support calendar; High 24x7;
    /// first-response targets only.
    /// </summary>
    public static IReadOnlyDictionary<string, SlaPolicyOptions> Policies { get; } = CreatePolicies();

    private static Dictionary<string, SlaPolicyOptions> CreatePolicies()
    {
        var rows = new Dictionary<string, SlaPolicyOptions>(StringComparer.OrdinalIgnoreCase)
        {
            ["community"] = new() { Plan = "Community", FirstResponse = "best effort" },
        };
        (string Plan, string Low, string Medium, string High)[] table =
        [
            ("Pro", "4 business days", "24 hours", "2 hours"),
            ("Enterprise", "1 business day", "6 hours", "30 minutes"),
            ("Bronze", "4 business days", "24 hours", "2 hours"),
            ("Silver", "2 business days", "12 hours", "1 hour"),
            ("Gold", "1 business day", "6 hours", "30 minutes"),
        ];
        foreach (var (plan, low, medium, high) in table)
        {
            rows[$"{plan.ToLowerInvariant()}-low"] = Row(plan, Priority.Low, low, SupportCalendar);
            rows[$"{plan.ToLowerInvariant()}-medium"] = Row(plan, Priority.Medium, medium, SupportCalendar);
            rows[$"{plan.ToLowerInvariant()}-high"] = Row(plan, Priority.High, high, AlwaysOpenClock.ClockName);
        }

        // The plans sold today. Standard: portal and e-mail, one business day on the 12x5 calendar at every priority.
        // Support Plus and Mission Critical publish only their High target (24x7); their Medium and Low rows take
        // Standard's, as the SLA guide says.
        (string Id, string Plan, string High, string HighClock)[] current =
        [
            ("standard", "Standard", Standard, SupportCalendar),
            ("support-plus", "Support Plus", "2 hours", AlwaysOpenClock.ClockName),
            ("mission-critical", "Mission Critical", "30 minutes", AlwaysOpenClock.ClockName),
        ];
        foreach (var (id, plan, high, highClock) in current)
        {
            rows[$"{id}-low"] = Row(plan, Priority.Low, Standard, SupportCalendar);
            rows[$"{id}-medium"] = Row(plan, Priority.Medium, Standard, SupportCalendar);
            rows[$"{id}-high"] = Row(plan, Priority.High, high, highClock);
        }

        return rows;
    }

    /// <summary>The Standard plan's target at every priority, and the current plans' where they publish none.</summary>
    private const string Standard = "1 business day";

    private static SlaPolicyOptions Row(string plan, Priority priority, string firstResponse, string clock) =>
        new() { Plan = plan, Priority = priority.ToString(), FirstResponse = firstResponse, Clock = clock };
}
