using System.Reflection;

namespace Brands.Architecture.Tests;

/// <summary>
/// Finds what an assembly depends on in three ways, each catching what the others may miss: the restored package
/// closure of its project (a package referenced but not yet used), its assembly references followed transitively
/// (anything its compiled code, including method bodies, touches, and what those assemblies touch in turn), and the
/// types named in its types' signatures (base types, interfaces, fields, properties, events, methods, attributes).
/// </summary>
internal static class DependencyScanner
{
    private const BindingFlags AllDeclared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<ForbiddenDependency> Scan(Assembly assembly, DependencyRule rule) =>
        [
            .. ScanPackageClosure(assembly.GetName().Name!, rule),
            .. ScanAssemblyReferences(assembly, rule),
            .. ScanSignatures(LoadableTypes(assembly), rule),
        ];

    public static IReadOnlyList<ForbiddenDependency> ScanPackageClosure(string projectName, DependencyRule rule)
    {
        var closure = PackageClosure.OfThisTestRun();
        if (!closure.Contains(projectName))
        {
            throw new InvalidOperationException($"{projectName} is not in this test run's dependency graph.");
        }

        return closure.Reachable(projectName)
            .Where(reached => rule.Forbids(reached.Key))
            .Select(reached => new ForbiddenDependency(reached.Key, "package closure: " + reached.Value))
            .ToList();
    }

    public static IReadOnlyList<ForbiddenDependency> ScanAssemblyReferences(Assembly assembly, DependencyRule rule)
    {
        var found = new List<ForbiddenDependency>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { assembly.GetName().Name! };
        var pending = new Queue<(Assembly Assembly, string Path)>([(assembly, assembly.GetName().Name!)]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var reference in current.Assembly.GetReferencedAssemblies())
            {
                var name = reference.Name!;
                if (!visited.Add(name))
                {
                    continue;
                }

                var path = current.Path + " -> " + name;
                if (rule.Forbids(name))
                {
                    found.Add(new ForbiddenDependency(name, "assembly reference: " + path));
                    continue;
                }

                if (TryLoad(reference) is { } referenced)
                {
                    pending.Enqueue((referenced, path));
                }
            }
        }

        return found;
    }

    public static IReadOnlyList<ForbiddenDependency> ScanSignatures(IEnumerable<Type> types, DependencyRule rule)
    {
        var found = new Dictionary<string, ForbiddenDependency>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            foreach (var (named, where) in NamedTypes(type))
            {
                foreach (var part in Expand(named).Where(part => part.Assembly != type.Assembly))
                {
                    var owner = part.Assembly.GetName().Name!;
                    if (rule.Forbids(owner))
                    {
                        found.TryAdd(owner + " " + where, new ForbiddenDependency(owner, $"signature: {where} uses {part.FullName}"));
                    }
                }
            }
        }

        return [.. found.Values];
    }

    private static IEnumerable<(Type Named, string Where)> NamedTypes(Type type)
    {
        var name = type.FullName ?? type.Name;
        if (type.BaseType is { } baseType)
        {
            yield return (baseType, name + " base type");
        }

        foreach (var implemented in type.GetInterfaces())
        {
            yield return (implemented, name + " interface");
        }

        foreach (var attribute in type.CustomAttributes)
        {
            yield return (attribute.AttributeType, name + " attribute");
        }

        foreach (var field in type.GetFields(AllDeclared))
        {
            yield return (field.FieldType, $"{name}.{field.Name}");
        }

        foreach (var property in type.GetProperties(AllDeclared))
        {
            yield return (property.PropertyType, $"{name}.{property.Name}");
        }

        foreach (var @event in type.GetEvents(AllDeclared))
        {
            if (@event.EventHandlerType is { } handlerType)
            {
                yield return (handlerType, $"{name}.{@event.Name}");
            }
        }

        foreach (var method in type.GetMethods(AllDeclared).Cast<MethodBase>().Concat(type.GetConstructors(AllDeclared)))
        {
            var where = $"{name}.{method.Name}";
            if (method is MethodInfo { ReturnType: var returnType })
            {
                yield return (returnType, where + " return type");
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (parameter.ParameterType, $"{where}({parameter.Name})");
            }

            foreach (var attribute in method.CustomAttributes)
            {
                yield return (attribute.AttributeType, where + " attribute");
            }
        }
    }

    /// <summary>A type and every type it is built from: array elements, by-ref targets, generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var part in Expand(type.GetElementType()!))
            {
                yield return part;
            }

            yield break;
        }

        yield return type;
        if (type.IsConstructedGenericType)
        {
            foreach (var part in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            // Design-time-only or platform-specific references (e.g. a netstandard facade's own references) that this
            // run never loads; their names were already checked above.
            return null;
        }
    }
}
