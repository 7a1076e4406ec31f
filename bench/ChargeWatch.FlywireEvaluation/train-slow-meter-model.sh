#!/usr/bin/env bash
# Trains flywire.household's candidate model for slow meters (docs/flywire.md, item 119) and writes
# it over src/ChargeWatch.Core/Rules/FlywireHousehold/SlowMeterCandidateModel.Trees.cs: the recipe of
# train-candidate-model.sh (600 trees of depth 8, scikit-learn seeded 1, every odd night asked after
# a day of the same household), on 60,000 nights of meters that report every 150, 180, 240 or 300 s
# (seeds 300000–359999, 15,000 nights each: no other range uses them). The nights are drawn as the
# evaluation's (HouseholdEvaluation.OptionsFor) with only the interval changed. The detector's
# measured interval picks the model (CandidateModel.SlowMeterMinutes, 2.4 min), so the other
# model's meters are judged as before. About 20 minutes on 2 cores. Needs python3-numpy,
# python3-pandas and python3-sklearn (Debian); PYTHON names the interpreter that has them.
set -euo pipefail
cd "$(dirname "$0")/../.."
model=src/ChargeWatch.Core/Rules/FlywireHousehold/SlowMeterCandidateModel.Trees.cs
data=${CANDIDATE_DATA:-$(mktemp -d)}
mkdir -p "$data/train"
# What the detector asks next on these meters depends on the probabilities the model compiled in
# gives it, so the questions are collected with an empty one, as the shipped model's were.
"${PYTHON:-python3}" bench/ChargeWatch.FlywireEvaluation/frontier.py "$model" --export-empty --class-name SlowMeterCandidateModel
dotnet build -c Release bench/ChargeWatch.FlywireEvaluation -v q -nologo >/dev/null
collect() { # first-seed interval-seconds
  dotnet run --no-build -c Release --project bench/ChargeWatch.FlywireEvaluation -- candidates "$1" 5000 "$data/train/c$1.csv" --after 1 --interval "$2"
}
for interval in 150 180 240 300; do
  first=$((300000 + (interval == 150 ? 0 : interval == 180 ? 15000 : interval == 240 ? 30000 : 45000)))
  collect $first $interval &
  collect $((first + 5000)) $interval
  wait
  collect $((first + 10000)) $interval
done
# Scored on its own training nights only to check the export; the evaluation's --interval runs are the measure.
"${PYTHON:-python3}" bench/ChargeWatch.FlywireEvaluation/frontier.py "$data/train" --train "$data/train" --variant depth8-clean-early3 --seed 1 \
  --thresholds 0.987 --export "$model" --class-name SlowMeterCandidateModel
echo "questions kept in $data"
