using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Tuning of the e-bike charging signature on a household meter (contract §5). Defaults were tuned
/// on the evaluation harness's tuning seeds and reported on held-out seeds (docs/flywire.md).
/// </summary>
public sealed class HouseholdSignatureOptions : RuleOptions
{
    /// <summary>
    /// The floor window: longer than the longest on-period of a refrigerator compressor (30 min, up
    /// to 35 min with cycle jitter), so only loads that stay on for the whole window lift the floor.
    /// </summary>
    public TimeSpan FloorWindow { get; set; } = TimeSpan.FromMinutes(37);

    /// <summary>
    /// The floor window for meters without power factor, which can tell a charger only by its taper:
    /// longer, so that appliances taking turns (an air conditioner's and a refrigerator's runs) hold
    /// it up less often and the floor's plateau and taper are its own.
    /// </summary>
    public TimeSpan FloorWindowWithoutPowerFactor { get; set; } = TimeSpan.FromMinutes(50);

    /// <summary>
    /// A meter that reports volts and amps tells its true power factor, w / (v·a). A meter without pf
    /// is then judged like one that reports pf, so a charger is found on its plateau instead of only
    /// at its taper (round seven, validation and tuning nights together, meters without pf: 23 fewer
    /// misses, 222 fewer late detections, 30 more false alerts). A meter that reports pf too is judged
    /// on w / (v·a) as well: its pf has two decimals, which at a heater's pf near 1 leaves a charger's
    /// reactive power uncertain by a hundred var, while v·a carries it to a few (round fifteen).
    /// Off: the reported pf is used as is, and a meter without one waits for the taper, as contract §5
    /// allows.
    /// </summary>
    public bool PowerFactorFromVoltsAndAmps { get; set; } = true;

    /// <summary>
    /// Which power factor the meters' <c>pf</c> is. Some meters report the displacement power factor,
    /// cos φ of the fundamental: a charger's low true power factor is harmonics, which cos φ does not
    /// see, so such a meter reports a charger at 0.95 or more, like a resistive load, and the detector
    /// would pass it by. <see cref="ReportedPowerFactorKind.Displacement"/> ignores the reported
    /// <c>pf</c>: a meter that reports <c>v</c> and <c>a</c> is then judged on w / (v·a), one that does
    /// not as a meter without pf (at the taper, as contract §5 allows).
    /// <see cref="ReportedPowerFactorKind.Auto"/> (the default) does the same for a meter whose readings
    /// show it: its pf above w / (v·a) on at least half of the 30 or more readings that give both, and
    /// hardly ever below (<see cref="DisplacementPowerFactorCheck"/>); a meter without <c>v</c> and <c>a</c>
    /// cannot show it and needs <see cref="ReportedPowerFactorKind.Displacement"/> set.
    /// </summary>
    public ReportedPowerFactorKind ReportedPowerFactor { get; set; } = ReportedPowerFactorKind.Auto;

    /// <summary>Smallest charger load (contract §5: roughly 60 W); a little margin for meter noise.</summary>
    public double MinWatts { get; set; } = 50;

    /// <summary>Largest charger load (contract §5: roughly 600 W); heaters and air conditioners start at 700 W.</summary>
    public double MaxWatts { get; set; } = 650;

    /// <summary>A change of the floor at least this large between readings is a switching event, not drift.</summary>
    public double StepWatts { get; set; } = 40;

    /// <summary>Added loads whose power factor is at or below this look like a cheap charger (0.45–0.75).</summary>
    public double ChargerPowerFactorMax { get; set; } = 0.77;

    /// <summary>Added loads whose power factor is at or above this are resistive or corrected: TVs, monitors, heaters.</summary>
    public double ResistivePowerFactorMin { get; set; } = 0.88;

    /// <summary>Fraction of the plateau the load must lose, gradually, for the taper to count as seen.</summary>
    public double TaperDrop { get; set; } = 0.12;

    /// <summary>
    /// The window in which a taper must show as a steady decline: most readings set a new low, and no
    /// single reading carries most of the fall (that would be something switching off).
    /// </summary>
    public TimeSpan TaperWindow { get; set; } = TimeSpan.FromMinutes(12);

    /// <summary>Readings of a fitting power factor needed before it counts as evidence.</summary>
    public int PowerFactorSamples { get; set; } = 3;

    /// <summary>
    /// How long a newly seen load must hold steady (level and power factor) before its power factor
    /// alone may fire: appliances taking turns can lift the floor briefly, one charger holds it.
    /// </summary>
    public TimeSpan ConfirmFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Smallest load that may fire on power factor alone; smaller ones (laptops with lights) need the taper too.</summary>
    public double PowerFactorOnlyMinWatts { get; set; } = 95;

    /// <summary>The plateau must have held at least this long before a fall counts as a taper.</summary>
    public TimeSpan PlateauMinDuration { get; set; } = TimeSpan.FromMinutes(40);

    /// <summary>
    /// Smallest switched load that may fire on its power factor (with the floors' support): a laptop
    /// draws up to 60 W at pf 0.45–0.6, and switched on in the same reading as a light or a rice
    /// cooker's keep-warm pulse its step reads 62–95 W, while fewer than one charger in thirty draws
    /// under 95 W. Smaller chargers are left to the taper. (Round seven, on 2,000 fresh nights:
    /// 89 → 62 false alerts for one fewer miss; on the older tuning nights 5 fewer false alerts,
    /// 7 more misses, 4 of them charges that had been found only hours late.)
    /// </summary>
    public double StepMinWatts { get; set; } = 95;

    /// <summary>Confidence at which the alert fires.</summary>
    public double FireConfidence { get; set; } = 0.8;

    /// <summary>
    /// A candidate charger any path finds fires only if the candidate model gives it at least this
    /// probability of being one (0: every candidate fires). Round seventeen's model at 0.987 here
    /// with 0.89 near the deadline puts the fewest charges late on the 18,600 tuning nights with no
    /// more misses or false alerts than round sixteen's model at 0.985 with 0.88 (docs/flywire.md,
    /// item 65); round twenty-three's model at the same two has fewer of all three there (item 90).
    /// Round twenty-six's model, which also knows the meter's kind and was trained on detectors that
    /// had run a night before as well as fresh ones, at the same two finds as many charges in time on
    /// the 12,000 held-out and fresh nights with 30 % fewer false alerts after a night (item 99).
    /// </summary>
    [Range(0.0, 1.0)]
    public double CandidateProbabilityMin { get; set; } = 0.987;

    /// <summary>
    /// A candidate whose load has been on between <see cref="NearDeadlineFrom"/> and
    /// <see cref="NearDeadlineUntil"/> — a charger about to miss contract §5's 45 min — fires at this
    /// lower probability (round thirteen): the cost of waiting longer rises there, the cost of a false
    /// alert does not. At or above <see cref="CandidateProbabilityMin"/>: no effect.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NearDeadlineProbabilityMin { get; set; } = 0.89;

    /// <summary>
    /// A meter that reports neither pf nor volts and amps (<c>w</c> alone) fires once
    /// the model trained on such meters gives its candidate at least this; 0: its taper and track
    /// paths alone decide, as before round thirty-one (docs/flywire.md item 120).
    /// </summary>
    public double WattsOnlyProbabilityMin { get; set; } = 0.993;

    /// <summary>
    /// On a meter that does not report pf, a candidate whose load has been on for longer than
    /// <see cref="NearDeadlineUntil"/> fires at this probability: contract §5 owes such a meter a
    /// detection only 15 min into the taper, so a charger found on its plateau hours after it
    /// switched on is still in time, and a load of a charger's size and kind that has held that
    /// long is likelier one. At or above <see cref="CandidateProbabilityMin"/>: no effect. At 0.97
    /// (round twenty-nine, docs/flywire.md item 113) the `demo` community's meters without pf find
    /// 0.963 of its charges after a day instead of 0.933, for 0.07–0.16 more false alerts per 100
    /// households; on 10,000 nights of questions 20 fewer misses for 7 more false alerts.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LongOnWithoutPowerFactorProbabilityMin { get; set; } = 0.97;

    /// <summary>
    /// While the detector has watched its meter for less than <see cref="NewMeterFor"/>, the
    /// near-deadline probability is at least this: a detector that has not yet seen the household's
    /// day (its refrigerator's runs, its big appliances' sizes, how its meter spreads a switch) raises
    /// about twice the false alerts of one that has, most of them near the deadline. At 0.96 (round
    /// thirty, docs/flywire.md item 116) a new installation's first evening raises about as many
    /// false alerts and late charges as a later one: in the `demo` community 0.72–0.95 false alerts
    /// per 100 households instead of 1.31–1.66. A warm start's day of history makes a restarted
    /// worker's meters known. At or below <see cref="NearDeadlineProbabilityMin"/>: no effect.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NewMeterNearDeadlineProbabilityMin { get; set; } = 0.96;

    /// <summary>How long a detector's meter counts as new (from its first reading, a warm start's included).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan NewMeterFor { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The age of a candidate's load from which <see cref="NearDeadlineProbabilityMin"/> applies.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan NearDeadlineFrom { get; set; } = TimeSpan.FromMinutes(38);

    /// <summary>The age of a candidate's load up to which <see cref="NearDeadlineProbabilityMin"/> applies.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan NearDeadlineUntil { get; set; } = TimeSpan.FromMinutes(47);

    /// <summary>
    /// A charger-like step still on this long after it switched on is put to the candidate model
    /// before the floors have carried it for a window (zero: not before).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan OpenStepAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// With a power factor, how often the floors' rise over the last 40 min, at a charger's size and
    /// reactive-to-real ratio, is put to the candidate model whatever switched (round eleven): a
    /// charger switched on with a refrigerator's run, a kettle or under a washing machine's bursts has
    /// no step of its own to ask about (zero: never).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FloorWindowEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// With a power factor, how often the lowest readings without the big appliances over the last 20
    /// min, risen against the 20 min before by a charger's size at a charger's reactive-to-real ratio,
    /// are put to the candidate model (round seventeen): a charger plugged in as an air conditioner or
    /// a rice cooker switches off has no step of its own, and the floors carry it only after their
    /// 37-min window (zero: never).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ShortRiseEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The load counts as gone below this fraction of its plateau (a trickle is gone too).</summary>
    public double GoneFraction { get; set; } = 0.2;

    /// <summary>Contract §4: resolves when the load has been gone this long.</summary>
    public TimeSpan ResolveAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An added load that never ends is, after this long, part of the household's base.</summary>
    public TimeSpan TrackMaxAge { get; set; } = TimeSpan.FromHours(14);

    /// <summary>A gap in readings longer than this restarts the detector (the floor would be meaningless).</summary>
    public TimeSpan MaxGap { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// With a power factor, a switched load fires once the floors carry it: the real-power floor has
    /// risen by its step within this fraction (+15 W) since just before it ...
    /// </summary>
    public double PersistWattsTolerance { get; set; } = 0.15;

    /// <summary>... and the reactive-power floor by its reactive step within this fraction (+15 var and the pf rounding).</summary>
    public double PersistVarsTolerance { get; set; } = 0.1;

    /// <summary>
    /// ... for this long without a break. (Round seven: 3 min instead of 4 — on the validation and
    /// tuning nights together 11 fewer misses, 38 fewer late detections, 4 more false alerts.)
    /// </summary>
    public TimeSpan PersistFor { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// ... and a quiet reading (within this much of the floor: no heater, air conditioner, kettle or
    /// cooker on) came after <see cref="QuietAfter"/>.
    /// </summary>
    public double QuietMarginWatts { get; set; } = 450;

    /// <summary>A refrigerator's longest run (contract §5: 30 min) plus an averaging meter's spread.</summary>
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromMinutes(32);

    /// <summary>
    /// Without a power factor: the window in which the floor itself must decline like a taper (in at
    /// least three readings, none carrying most of the fall) after a flat plateau of
    /// <see cref="PlateauMinDuration"/>.
    /// </summary>
    public TimeSpan FloorTaperWindow { get; set; } = TimeSpan.FromMinutes(12);

    /// <summary>
    /// With a power factor the floor's own taper is the fallback (late anyway): it fires only once the
    /// floor or the step-free level has fallen by a further <see cref="TaperConfirmShare"/> of the load
    /// within this long — a charger's decay goes on, a laptop switched off and a television's flicker
    /// stop. (Round seven, validation and tuning nights together: 19 fewer false alerts, no more misses,
    /// 37 more detections late by minutes on meters whose pf comes from volts and amps.)
    /// </summary>
    public TimeSpan TaperConfirmAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>... this share of the load over the household's low when the taper was seen.</summary>
    public double TaperConfirmShare { get; set; } = 0.03;

    /// <summary>
    /// Smallest plateau the floor's own taper is believed for: below it, lights, a laptop and a
    /// phone charger going off one after another at bedtime fall much like a small charger's taper.
    /// (Tuning seeds: 50 W: 8 false alerts without pf, 70 W: 6, with 2 fewer misses.)
    /// </summary>
    public double FloorTaperMinWatts { get; set; } = 70;

    /// <summary>
    /// With a power factor and no step (a charger switched on as something else switched off): a rise
    /// of the floors of at least this much at a charger's reactive-to-real ratio fires. Smaller ones
    /// are left to the steps (a laptop with lights reaches 100 W at a similar ratio); tuning seeds:
    /// 100 W gave 5 more false alerts for 1 fewer miss than 150 W.
    /// </summary>
    public double FloorRiseMinWatts { get; set; } = 150;

    /// <summary>... judged only this soon after the floors rose (later they carry other loads too; 10 min: +2 false alerts, −2 misses).</summary>
    public TimeSpan FloorRiseWithin { get; set; } = TimeSpan.FromMinutes(6);

    /// <summary>
    /// Switches at least this large (W) are big appliances — heaters, air conditioners, kettles,
    /// cookers: larger than any charger's step (contract §5: 50–650 W), smaller than the smallest
    /// air conditioner. A switched load must also hold the floor of the readings without them.
    /// </summary>
    public double BigLoadWatts { get; set; } = 680;

    /// <summary>
    /// Share of a switched load's step the floor without the big appliances must hold: less than
    /// the whole step, since an air conditioner's power wanders by a few per cent around its usual size.
    /// </summary>
    public double ResidualFloorShare { get; set; } = 0.7;

    /// <summary>
    /// With a power factor, the floors are also compared with what they were this long ago (round
    /// eight): a rise of a charger's size and reactive-to-real ratio fires without the exact step the
    /// step path asks for — a charger switched on while a refrigerator's run ended or a television
    /// flickered, whose step the floors later carry only roughly. Longer than the floor window, so the
    /// rise has lasted longer than any refrigerator run. <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan LaggedRiseAfter { get; set; } = TimeSpan.FromMinutes(40);

    /// <summary>
    /// ... and the floor without the big appliances must have risen by this share of it (an air
    /// conditioner's runs bridging a refrigerator's raise only the plain floor).
    /// </summary>
    public double LaggedRiseResidualShare { get; set; } = 0.5;

    /// <summary>
    /// With a power factor, a load must also lift the reactive floor of the readings without the big
    /// appliances (each big appliance's reactive power learned with its size) by this share of its
    /// reactive step (round eight): a rice cooker's or an air conditioner's reactive power can hold
    /// the plain reactive floor up where it takes over from a refrigerator's run. Less than the
    /// whole step, since the learned reactive sizes are rough (composite switches, pf in hundredths).
    /// </summary>
    public double ResidualVarsFloorShare { get; set; } = 0.3;

    public override IEnumerable<string> Validate()
    {
        if (NearDeadlineFrom > NearDeadlineUntil)
        {
            yield return $"{nameof(NearDeadlineFrom)} ({NearDeadlineFrom}) must not be after {nameof(NearDeadlineUntil)} ({NearDeadlineUntil})";
        }
    }
}
