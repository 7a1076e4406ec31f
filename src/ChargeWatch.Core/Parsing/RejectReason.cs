namespace ChargeWatch.Core.Parsing;

/// <summary>Why a message was rejected (contract §1, §2). Names are stable: they label counters.</summary>
public enum RejectReason : byte
{
    None,
    /// <summary>The topic does not match <c>chargewatch/{site}/{kind}/{device}/{channel}</c>.</summary>
    Unroutable,
    /// <summary>The payload exceeds the configured size limit; it was not read.</summary>
    TooLarge,
    /// <summary>Not well-formed UTF-8 JSON.</summary>
    InvalidJson,
    /// <summary>Valid JSON, but not an object (or a port entry that is not an object).</summary>
    NotAnObject,
    /// <summary>A required field is absent.</summary>
    MissingField,
    /// <summary>A field has the wrong JSON type (a string where a number belongs, …).</summary>
    WrongType,
    /// <summary>A number that is NaN or infinite.</summary>
    NotFinite,
    /// <summary>A number outside what is physically possible (negative current, |v| &gt; 1000, …).</summary>
    OutOfRange,
    /// <summary><c>ts</c> is neither RFC 3339 with an offset nor epoch milliseconds.</summary>
    InvalidTimestamp,
    /// <summary>A value outside its allowed set: an unknown port state, a repeated port number, an empty id.</summary>
    InvalidValue,
    /// <summary>A status payload other than <c>online</c> or <c>offline</c>.</summary>
    InvalidStatus,
}

public static class RejectReasonNames
{
    private static readonly string[] Names =
    [
        "none", "unroutable", "too_large", "invalid_json", "not_an_object", "missing_field",
        "wrong_type", "not_finite", "out_of_range", "invalid_timestamp", "invalid_value", "invalid_status",
    ];

    /// <summary>snake_case name used in counters, logs and dead letters.</summary>
    public static string ToName(this RejectReason reason) => Names[(int)reason];

    public static IReadOnlyList<RejectReason> All { get; } = Enum.GetValues<RejectReason>()[1..];
}
