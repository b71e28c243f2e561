using System.Globalization;

namespace Brands.TimerBench;

/// <summary>The command line: a command, then <c>--name value</c> pairs.</summary>
internal sealed class BenchArguments
{
    public const string Usage = """
        usage: Brands.TimerBench setup --connection CS [--timers 100000] [--callers 16]
               Brands.TimerBench fire --connection CS [--in-seconds 20] [--timeout-seconds 900]
               Brands.TimerBench hangfire --connection CS [--jobs 10000] [--servers 2] [--in-seconds 20] [--timeout-seconds 900]
        """;

    private readonly Dictionary<string, string> _values;

    private BenchArguments(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    public string Command { get; }

    public string Connection => _values.TryGetValue("connection", out var value) ? value : throw new ArgumentException("--connection is required.");

    public static BenchArguments Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("No command.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value at '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchArguments(args[0], values);
    }

    public int Number(string name, int defaultValue) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : defaultValue;
}
