namespace ChargeWatch.Core.Parsing;

/// <summary>A rejection: its reason and, where one is to blame, the field (e.g. <c>ports[2].a</c>).</summary>
public readonly record struct ParseError(RejectReason Reason, string? Field = null)
{
    public override string ToString() => Field is null ? Reason.ToName() : $"{Reason.ToName()}: {Field}";
}
