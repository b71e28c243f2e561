using Brands.Bench;
using Brands.Workflows.Persistence;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

await using var opened = await BenchStore.OpenAsync(options);
var timed = options.Breakdown ? new TimedStore(opened.Store) : null;
IWorkflowStore store = timed ?? opened.Store;
return options.Scenario == BenchOptions.Correlation
    ? await CorrelationBench.RunAsync(options, store, timed)
    : await ApprovalBench.RunAsync(options, store, timed);
