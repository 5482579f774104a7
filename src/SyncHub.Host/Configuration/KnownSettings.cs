using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Redis;

namespace SyncHub.Host.Configuration;

/// <summary>
/// The keys under <c>SyncHub:</c> that something reads, derived from the options types bound there (their public
/// properties, nested objects, lists and dictionaries) and from the adapters' options; and the configured keys that
/// are none of them (<c>SyncHub:Pipline</c>, <c>SyncHub:Adapters:Emial</c>), each with the nearest known key. A start
/// warns about them; <c>synchub check-config</c> reports them as errors.
/// </summary>
internal sealed class KnownSettings
{
    private const string Root = HubOptions.SectionName;
    private const int MaxDepth = 12;

    private static readonly Type[] Scalars =
    [
        typeof(string), typeof(decimal), typeof(TimeSpan), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly),
        typeof(TimeOnly), typeof(Guid), typeof(Uri), typeof(Version),
    ];

    private readonly Node root = new();

    /// <summary>
    /// The hub's sections (every <c>SectionName</c> constant under <c>SyncHub</c> in the host, Core and Redis assemblies),
    /// <c>SyncHub:Logging:Console</c>, and one section per adapter <paramref name="modules"/> (built-in and loaded
    /// plugins) with the options its registration binds; <paramref name="otherAdapters"/> are adapter names whose
    /// options are not known here (a plugin folder not loaded): anything below them is accepted.
    /// </summary>
    public KnownSettings(IEnumerable<IAdapterModule> modules, IEnumerable<string> otherAdapters)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(otherAdapters);
        root.Merge(Describe(typeof(HubOptions), 0));
        foreach (var (path, type) in Sections())
        {
            root.At(path[(Root.Length + 1)..]).Merge(Describe(type, 0));
        }

        root.At("Logging:Console").Leaf();
        var adapters = root.At(SyncHubBuilder.AdaptersSection[(Root.Length + 1)..]);
        foreach (var module in modules)
        {
            var node = adapters.At(module.Name);
            var types = OptionsTypes(module);
            if (types.Count == 0)
            {
                node.Open();
            }

            foreach (var type in types)
            {
                node.Merge(Describe(type, 0));
            }
        }

        foreach (var name in otherAdapters)
        {
            adapters.At(name).Open();
        }
    }

    /// <summary>
    /// One line per configured key under <c>SyncHub:</c> that nothing reads, naming the first unknown part of its path
    /// and the nearest known key at that place.
    /// </summary>
    public IReadOnlyList<string> Unknown(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var lines = new List<string>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in configuration.GetSection(Root).AsEnumerable().OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            var parts = key.Split(ConfigurationPath.KeyDelimiter);
            var node = root;
            for (var i = 1; i < parts.Length && !node.IsOpen; i++)
            {
                var next = node.Child(parts[i]);
                if (next is null)
                {
                    var unknown = string.Join(ConfigurationPath.KeyDelimiter, parts[..(i + 1)]);
                    if (reported.Add(unknown))
                    {
                        lines.Add(Describe(unknown, parts[..i], parts[i], node));
                    }

                    break;
                }

                node = next;
            }
        }

        return lines;
    }

    private static string Describe(string unknown, string[] parent, string name, Node node)
    {
        var at = string.Join(ConfigurationPath.KeyDelimiter, parent);
        if (NearestName.Find(name, node.Names) is { } nearest)
        {
            return $"{unknown} is not a SyncHub setting; did you mean {at}:{nearest}?";
        }

        return node.Names.Count == 0
            ? $"{unknown} is not a SyncHub setting: {at} takes a value, not a section"
            : $"{unknown} is not a SyncHub setting; {at} has {string.Join(", ", node.Names.Order(StringComparer.Ordinal))}";
    }

    /// <summary>Every <c>public const string SectionName</c> naming a section under <c>SyncHub:</c>.</summary>
    private static IEnumerable<(string Path, Type Type)> Sections() =>
        new[] { typeof(KnownSettings).Assembly, typeof(PipelineOptions).Assembly, typeof(RedisStoreOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract)
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(f => f.Field is { IsLiteral: true } && f.Field.GetRawConstantValue() is string path && path.StartsWith(Root + ConfigurationPath.KeyDelimiter, StringComparison.Ordinal))
            .Select(f => ((string)f.Field!.GetRawConstantValue()!, f.Type));

    /// <summary>The options types <paramref name="module"/> binds and validates, found by registering it on a scratch collection.</summary>
    private static List<Type> OptionsTypes(IAdapterModule module)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        try
        {
            module.Register(new SyncHubBuilder(services, configuration), configuration.GetSection($"{SyncHubBuilder.AdaptersSection}:{module.Name}"));
        }
#pragma warning disable CA1031 // A module that cannot register on an empty configuration: its keys are simply not checked.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }

        return [.. services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()];
    }

    private static Node Describe(Type type, int depth)
    {
        var node = new Node();
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || Scalars.Contains(type))
        {
            return node.Leaf();
        }

        if (depth > MaxDepth || type == typeof(object) || typeof(IConfiguration).IsAssignableFrom(type))
        {
            return node.Open();
        }

        if ((Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>))) is { } dictionary)
        {
            return node.Any(Describe(dictionary.GetGenericArguments()[1], depth + 1));
        }

        if (type.IsArray)
        {
            return node.Any(Describe(type.GetElementType()!, depth + 1));
        }

        if (Generic(type, typeof(IEnumerable<>)) is { } list)
        {
            return node.Any(Describe(list.GetGenericArguments()[0], depth + 1));
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return node.Open();
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }))
        {
            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            node.At(name).Merge(Describe(property.PropertyType, depth + 1));
        }

        return node;
    }

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    /// <summary>A place in the settings tree: named children, or any name (list indexes, dictionary keys), or anything.</summary>
    private sealed class Node
    {
        private readonly Dictionary<string, Node> children = new(StringComparer.OrdinalIgnoreCase);
        private Node? any;

        public bool IsOpen { get; private set; }

        public IReadOnlyCollection<string> Names => children.Keys;

        public Node? Child(string name) => children.TryGetValue(name, out var child) ? child : any;

        public Node At(string path)
        {
            var node = this;
            foreach (var part in path.Split(ConfigurationPath.KeyDelimiter))
            {
                if (!node.children.TryGetValue(part, out var child))
                {
                    node.children[part] = child = new Node();
                }

                node = child;
            }

            return node;
        }

        public Node Leaf() => this;

        public Node Open()
        {
            IsOpen = true;
            return this;
        }

        public Node Any(Node element)
        {
            any = element;
            return this;
        }

        public void Merge(Node other)
        {
            IsOpen |= other.IsOpen;
            if (other.any is not null)
            {
                if (any is null)
                {
                    any = other.any;
                }
                else
                {
                    any.Merge(other.any);
                }
            }

            foreach (var (name, child) in other.children)
            {
                At(name).Merge(child);
            }
        }
    }
}
