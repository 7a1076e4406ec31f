namespace ChargeWatch.Core.Parsing;

/// <summary>Internal control flow of the payload readers: carries the rejection out of nested reads.</summary>
internal sealed class ParseException(ParseError error) : Exception(error.ToString())
{
    public ParseError Error { get; } = error;
}
