namespace SyncHub.Host.Tests;

/// <summary>Web-form bodies as the support portal sends them.</summary>
internal static class Forms
{
    public static Dictionary<string, object?> Valid(string submissionId = "sub-1") => new()
    {
        ["name"] = "Ana Souza",
        ["email"] = "ana@example.com",
        ["subject"] = "Cannot log in",
        ["message"] = "The desktop app says my password is wrong.",
        ["priority"] = "Medium",
        ["product"] = "Rocket.Chat Cloud",
        ["clientVersion"] = "6.4.1",
        ["submissionId"] = submissionId,
    };

    public static Dictionary<string, object?> Without(string field)
    {
        var form = Valid();
        form.Remove(field);
        return form;
    }

    public static Dictionary<string, object?> With(string field, object? value)
    {
        var form = Valid();
        form[field] = value;
        return form;
    }
}
