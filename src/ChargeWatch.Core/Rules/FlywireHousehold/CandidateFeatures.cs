namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// What the candidate model sees of a candidate charger and of the meter at that moment: one number
/// each, unknowns as <see cref="Missing"/> (below every real value, so a tree's split sends them one
/// way). The order is the trained model's; append, never reorder.
/// </summary>
internal static class CandidateFeatures
{
    public const double Missing = -9999;

    public const int Path = 0;
    public const int PowerFactorReported = 1;
    public const int KnowsVars = 2;
    public const int IntervalMinutes = 3;
    public const int LoadWatts = 4;
    public const int LoadVarsRatio = 5;
    public const int MinutesSinceStart = 6;
    public const int StartHour = 7;
    public const int FloorAboveLow = 8;
    public const int FloorWatts = 9;
    public const int VarsFloor = 10;
    public const int FloorAboveResidual = 11;
    public const int MinutesSinceQuiet = 12;
    public const int MinutesSinceBusy = 13;
    public const int MinutesSinceBusyStrict = 14;
    public const int OpenLoads = 15;
    public const int OpenTracks = 16;
    public const int LastingBackingShare = 17;
    public const int BigLoadNearStart = 18;
    public const int ReadingAboveFloor = 19;
    public const int FloorRise40 = 20;
    public const int VarsFloorRise40 = 21;
    public const int ResidualFloorRise40 = 22;
    public const int BigLoadsOpenWatts = 23;
    public const int ResidualVarsRise40 = 24;
    public const int FloorRiseSinceStart = 25;
    public const int VarsFloorRiseSinceStart = 26;
    public const int FloorCarriesShare = 27;
    public const int ResidualCarriesShare = 28;
    public const int VarsCarriesShare = 29;
    public const int SimilarLoadsPairedOff = 30;
    public const int StartUpSurge = 31;
    public const int BigLoadsRatio = 32;
    public const int RatioBlindRiseSinceStart = 33;
    public const int RatioBlindCarriesShare = 34;
    public const int RatioBlindRise40 = 35;
    public const int LowRiseSinceStart = 36;
    public const int ResidualLowRiseSinceStart = 37;
    public const int ResidualVarsLowRiseSinceStart = 38;
    public const int SimilarRunLongestMinutes = 39;
    public const int RefrigeratorLikeRuns = 40;
    public const int NearestRefrigeratorLikeGap = 41;
    public const int SwitchSteps = 42;
    public const int SwitchSpreadShare = 43;
    public const int Count = 44;

    public static readonly string[] Names =
    [
        "path", "pf_reported", "knows_vars", "interval_min", "load_w", "load_var_ratio", "min_since_start", "start_hour",
        "floor_above_low", "floor_w", "vars_floor", "floor_above_residual", "min_since_quiet", "min_since_busy",
        "min_since_busy_strict", "open_loads", "open_tracks", "lasting_backing_share", "big_load_near_start",
        "reading_above_floor", "floor_rise_40", "vars_floor_rise_40", "residual_floor_rise_40", "big_loads_open_w",
        "residual_vars_rise_40", "floor_rise_since_start", "vars_floor_rise_since_start", "floor_carries_share",
        "residual_carries_share", "vars_carries_share", "similar_loads_paired_off", "start_up_surge",
        "big_loads_ratio", "ratio_blind_rise_since_start", "ratio_blind_carries_share", "ratio_blind_rise_40",
        "low_rise_since_start", "residual_low_rise_since_start", "residual_vars_low_rise_since_start",
        "similar_run_longest_min", "fridge_like_runs", "nearest_fridge_like_gap",
        "switch_steps", "switch_spread_share",
    ];

    public static double OrMissing(double value) => double.IsNaN(value) || double.IsInfinity(value) ? Missing : value;
}
