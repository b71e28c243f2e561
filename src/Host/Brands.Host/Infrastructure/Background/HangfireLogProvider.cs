using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// Hangfire's log provider is process-wide (a static); this one writes to the host's logging and, once that host is
/// gone, to nowhere, instead of throwing from Hangfire's constructors and background threads. It matters when hosts
/// start and stop in one process (the tests); a production process has one host.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static Silent Instance { get; } = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
