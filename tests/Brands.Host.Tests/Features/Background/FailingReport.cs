using System.Globalization;

namespace Brands.Host.Tests.Features.Background;

/// <summary>A recurring job whose source is unreachable: every run throws, saying when it tried.</summary>
public sealed class FailingReport(TimeProvider clock)
{
    public const string Message = "The report's source is unreachable.";

    public Task RunAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{Message} Tried at {clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)}.");
}
