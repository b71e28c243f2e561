using System.Text.Json;

namespace Brands.Architecture.Tests;

/// <summary>
/// The package and project graph restore resolved for this test run, read from the test's own .deps.json: every
/// project it references appears there with its direct dependencies, so the closure of one project is everything it
/// brings along, whether or not its compiled code happens to use it yet.
/// </summary>
internal sealed class PackageClosure
{
    private readonly Dictionary<string, IReadOnlyList<string>> dependenciesByName;

    private PackageClosure(Dictionary<string, IReadOnlyList<string>> dependenciesByName) =>
        this.dependenciesByName = dependenciesByName;

    public static PackageClosure OfThisTestRun()
    {
        var path = Path.Combine(AppContext.BaseDirectory, typeof(PackageClosure).Assembly.GetName().Name + ".deps.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                var name = library.Name.Split('/')[0];
                var dependencies = library.Value.TryGetProperty("dependencies", out var listed)
                    ? listed.EnumerateObject().Select(dependency => dependency.Name).ToList()
                    : [];
                graph[name] = dependencies;
            }
        }

        return new PackageClosure(graph);
    }

    public bool Contains(string name) => dependenciesByName.ContainsKey(name);

    /// <summary>Every package or project reachable from <paramref name="root"/>, each with the path that reaches it.</summary>
    public IReadOnlyDictionary<string, string> Reachable(string root)
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [root] = root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var current))
        {
            if (!dependenciesByName.TryGetValue(current, out var dependencies))
            {
                continue;
            }

            foreach (var dependency in dependencies.Where(dependency => !paths.ContainsKey(dependency)))
            {
                paths[dependency] = paths[current] + " -> " + dependency;
                pending.Enqueue(dependency);
            }
        }

        paths.Remove(root);
        return paths;
    }
}
