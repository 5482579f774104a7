namespace SyncHub.Sdk.Testing;

/// <summary>Orders types by their full name, so sets of types compare in one order.</summary>
internal sealed class TypeOrder : IComparer<Type>
{
    public static TypeOrder Instance { get; } = new();

    public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
}
