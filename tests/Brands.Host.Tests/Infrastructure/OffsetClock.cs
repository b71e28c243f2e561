namespace Brands.Host.Tests.Infrastructure;

/// <summary>A node's clock that is off: the system clock plus an offset the test may change (moving it backwards, say).</summary>
public sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; set; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
