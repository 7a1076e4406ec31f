namespace ChargeWatch.Core.Parsing;

/// <summary>The digits of a plain number as one integer, and where its decimal point was.</summary>
internal readonly record struct PlainNumber(ulong Digits, int DigitCount, int FractionDigits, bool Negative);
