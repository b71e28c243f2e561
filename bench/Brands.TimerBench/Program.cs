using Brands.TimerBench;

// bench/timers.sh runs, in order: setup (cases waiting on timers), fire (all due in one second, fired by the host
// nodes the script started), hangfire (scheduled jobs on the same server). Each prints one JSON line on stdout.
try
{
    var arguments = BenchArguments.Parse(args);
    return arguments.Command switch
    {
        "setup" => await TimerSetup.RunAsync(arguments),
        "fire" => await TimerFiring.RunAsync(arguments),
        "hangfire" => await HangfireFiring.RunAsync(arguments),
        _ => throw new ArgumentException($"Unknown command '{arguments.Command}'."),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}
