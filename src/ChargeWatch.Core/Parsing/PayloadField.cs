namespace ChargeWatch.Core.Parsing;

/// <summary>Every property name contract §2 gives a meaning to, across all device kinds.</summary>
internal enum PayloadField : byte
{
    Unknown,
    Ts,
    Seq,
    Shed,
    TempC,
    Ports,
    Port,
    State,
    A,
    V,
    W,
    Wh,
    LeakMa,
    Pf,
    Role,
    Building,
    Unit,
    Smoke,
}
