#!/usr/bin/env bash
# Trains flywire.household's candidate model for meters that report w alone (docs/flywire.md, item
# 120) and writes it over src/ChargeWatch.Core/Rules/FlywireHousehold/WattsOnlyCandidateModel.Trees.cs:
# the recipe of train-candidate-model.sh (600 trees of depth 8, scikit-learn seeded 1, every odd night
# asked after a day of the same household), on 30,000 nights whose meter reports neither pf nor volts
# and amps (seeds 400000–429999: no other range uses them), drawn as the evaluation's with only that
# changed. Such a meter's candidates come from its taper and its floor's tracks alone. About 10
# minutes on 2 cores. Needs python3-numpy, python3-pandas and python3-sklearn (Debian); PYTHON names
# the interpreter that has them.
set -euo pipefail
cd "$(dirname "$0")/../.."
model=src/ChargeWatch.Core/Rules/FlywireHousehold/WattsOnlyCandidateModel.Trees.cs
data=${CANDIDATE_DATA:-$(mktemp -d)}
mkdir -p "$data/train"
# What the detector asks next on these meters depends on the probabilities the model compiled in
# gives it, so the questions are collected with an empty one, as the shipped model's were.
"${PYTHON:-python3}" bench/ChargeWatch.FlywireEvaluation/frontier.py "$model" --export-empty --class-name WattsOnlyCandidateModel
dotnet build -c Release bench/ChargeWatch.FlywireEvaluation -v q -nologo >/dev/null
collect() { # first-seed
  dotnet run --no-build -c Release --project bench/ChargeWatch.FlywireEvaluation -- candidates "$1" 5000 "$data/train/c$1.csv" --after 1 --watts-only
}
for first in 400000 410000 420000; do
  collect $first &
  collect $((first + 5000))
  wait
done
# Scored on its own training nights only to check the export; the evaluation's --watts-only runs are the measure.
"${PYTHON:-python3}" bench/ChargeWatch.FlywireEvaluation/frontier.py "$data/train" --train "$data/train" --variant depth8-clean-early3 --seed 1 \
  --thresholds 0.993 --export "$model" --class-name WattsOnlyCandidateModel
echo "questions kept in $data"
