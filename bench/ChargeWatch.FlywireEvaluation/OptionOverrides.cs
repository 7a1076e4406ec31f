using System.Globalization;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// <c>--set Name=value</c> on the command line sets one property of the detector's options, so a
/// variant can be measured on the tuning seeds without editing the defaults (numbers, enum names,
/// and TimeSpans in minutes).
/// </summary>
public static class OptionOverrides
{
    public static T Apply<T>(string[] args, T options)
        where T : class
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] != "--set")
            {
                continue;
            }
            var (name, text) = args[i + 1].Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"--set needs Name=value, got '{args[i + 1]}'");
            var property = typeof(T).GetProperty(name) ?? throw new ArgumentException($"{typeof(T).Name} has no option '{name}'");
            object value = property.PropertyType == typeof(TimeSpan)
                ? TimeSpan.FromMinutes(double.Parse(text, CultureInfo.InvariantCulture))
                : property.PropertyType.IsEnum
                    ? Enum.Parse(property.PropertyType, text, ignoreCase: true)
                    : Convert.ChangeType(text, property.PropertyType, CultureInfo.InvariantCulture);
            property.SetValue(options, value);
            Console.Error.WriteLine($"option {name} = {value}");
        }
        return options;
    }
}
