namespace ChargeWatch.Core.Points;

/// <summary>Where the escaped text around the port tag of a written port line sits in the buffer.</summary>
internal readonly record struct PortLineTemplate(int HeadStart, int HeadLength, int TailStart, int TailLength)
{
    public bool IsEmpty => HeadLength == 0;
}
