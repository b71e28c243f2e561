using System.Globalization;

namespace Brands.Bench;

/// <summary>The command line: <c>memory|postgres [--connection "…"] [--scenario approval|correlation] --instances N --callers C [--warmup W|steady]</c>.</summary>
/// <remarks><c>Warmup</c>: instances to run untimed first; null: until the JIT is steady (see <see cref="SteadyWarmup"/>).</remarks>
internal sealed record BenchOptions(string Mode, string? Connection, string Scenario, int Instances, int Callers, int? Warmup, bool Breakdown)
{
    public const string Approval = "approval";
    public const string Correlation = "correlation";

    public const string Usage = """
        usage: Brands.Bench memory   [--scenario approval|correlation] --instances N --callers C [--warmup W] [--breakdown]
               Brands.Bench postgres --connection "Host=…;Database=…" [--scenario …] --instances N --callers C [--warmup W] [--breakdown]
        approval (the default), each instance: start (with a business key), read its open task, complete it with
          {approved:true}.
        correlation: N cases of supplement.bpmn are started first, untimed, each with its own business key, and wait
          at a message catch; then one message "supplement-received" per case, correlated by business key, is timed.
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
        var scenario = Approval;
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
                case "--scenario":
                    scenario = Value(args, ref i);
                    if (scenario is not (Approval or Correlation))
                    {
                        throw new ArgumentException($"--scenario must be {Approval} or {Correlation}, not '{scenario}'");
                    }

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
        return new BenchOptions(args[0], connection, scenario, instances, callers, chosen, breakdown);
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
