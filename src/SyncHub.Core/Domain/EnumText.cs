namespace SyncHub.Domain;

/// <summary>
/// An enum value's name as <see cref="Enum.ToString()"/> gives it, without boxing the value (ToString boxes it on
/// every call: a few objects per ticket on the intake path).
/// </summary>
internal static class EnumText
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.GetName(value) ?? value.ToString();
}
