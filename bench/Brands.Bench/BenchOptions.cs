using System.Globalization;

namespace Brands.Bench;

/// <summary>The command line: <c>memory|postgres [--connection "…"] --instances N --callers C [--warmup W|steady]</c>.</summary>
/// <remarks><c>Warmup</c>: instances to run untimed first; null: until the JIT is steady (see <see cref="SteadyWarmup"/>).</remarks>
internal sealed record BenchOptions(string Mode, string? Connection, int Instances, int Callers, int? Warmup, bool Breakdown)
{
    public const string Usage = """
        usage: Brands.Bench memory   --instances N --callers C [--warmup W] [--breakdown]
               Brands.Bench postgres --connection "Host=…;Database=…" --instances N --callers C [--warmup W] [--breakdown]
        Each instance: start (with a business key), read its open task, complete it with {approved:true}.
        --warmup steady (the default on postgres) runs untimed rounds of instances first until a round of at least
          a second compiles almost no methods: the JIT has compiled and tiered up the hot paths, as in a server that
          has been running a while.
        --warmup W runs exactly W instances first instead (0: none); memory defaults to 2000, as bpmn-engine gets:
          the in-memory store keeps every case in this process, and a long warm-up would fill it.
        --breakdown times the store's calls inside each command and prints where the time went.
        """;

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("memory" or "postgres"))
        {
            throw new ArgumentException("the first argument must be memory or postgres");
        }

        string? connection = null;
        int instances = 10_000, callers = 1;
        int? warmup = null;
        var breakdown = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection":
                    connection = Value(args, ref i);
                    break;
                case "--instances":
                    instances = Positive(args, ref i);
                    break;
                case "--callers":
                    callers = Positive(args, ref i);
                    break;
                case "--warmup":
                    var value = Value(args, ref i);
                    warmup = value == "steady" ? -1 : Math.Max(0, int.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--breakdown":
                    breakdown = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if (args[0] == "postgres" && string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("postgres needs --connection");
        }

        // -1: steady was asked for explicitly.
        int? chosen = warmup switch { -1 => null, { } given => given, null => args[0] == "memory" ? 2000 : null };
        return new BenchOptions(args[0], connection, instances, callers, chosen, breakdown);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Positive(string[] args, ref int i)
    {
        var name = args[i];
        var value = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be positive");
    }
}
