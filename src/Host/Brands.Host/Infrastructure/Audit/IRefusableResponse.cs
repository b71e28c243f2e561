namespace Brands.Host.Infrastructure.Audit;

/// <summary>A response that may say the request was refused without an exception (the audit log records it as refused).</summary>
internal interface IRefusableResponse
{
    string? Refusal { get; }
}
