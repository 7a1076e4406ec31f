#!/usr/bin/env bash
# Retrains flywire.household's candidate model (docs/flywire.md, rounds nine to thirteen) from every
# question the detector asks on the simulator's nights 10000–39999 and 50000–139999 (120,000 nights)
# — apart from the tuning (1000–3599), validation (4000–5999), exploration (6000–9999), frontier
# (40000–49999) and held-out (500000 on) ranges — and writes it over
# src/ChargeWatch.Core/Rules/FlywireHousehold/CandidateModel.Trees.cs: 600 trees of depth 8 with at
# most 63 leaves (scikit-learn's histogram gradient boosting, a charge's first 45 minutes weighted 3;
# a question asked during a charge counts as the charger only if its candidate started with it, the
# others — a refrigerator's run beside the charger — are left out), then scores it on the frontier
# nights. Every odd night is asked after a day of the same household before it (`--after 1`), every
# even one on a fresh detector: a worker's detectors run for days and start fresh after a restart, and
# what a detector keeps across nights must look to the model as it will in the field (docs/flywire.md,
# items 99 and 100).
# No candidate fires while the questions are collected, so the data do not depend on the
# model compiled in; scikit-learn is seeded (1 since round twenty-three: docs/flywire.md, items 89–90):
# two runs write the same bytes. About 15 minutes on 2
# cores and 13 GB of memory for the training. Needs python3-numpy, python3-pandas and python3-sklearn (Debian);
# PYTHON names the interpreter that has them (default python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
model=src/ChargeWatch.Core/Rules/FlywireHousehold/CandidateModel.Trees.cs
data=${CANDIDATE_DATA:-$(mktemp -d)}
mkdir -p "$data/train" "$data/frontier"
dotnet build -c Release bench/ChargeWatch.FlywireEvaluation -v q -nologo >/dev/null
collect() { # folder first-seed: two ranges of 5000 nights side by side
  dotnet run --no-build -c Release --project bench/ChargeWatch.FlywireEvaluation -- candidates "$2" 5000 "$1/c$2.csv" --after 1 &
  dotnet run --no-build -c Release --project bench/ChargeWatch.FlywireEvaluation -- candidates $(($2 + 5000)) 5000 "$1/c$(($2 + 5000)).csv" --after 1
  wait
}
for first in 10000 20000 30000 $(seq 50000 10000 130000); do collect "$data/train" $first; done
collect "$data/frontier" 40000
"${PYTHON:-python3}" bench/ChargeWatch.FlywireEvaluation/frontier.py "$data/frontier" --train "$data/train" --variant depth8-clean-early3 --seed 1 \
  --thresholds 0.96,0.965,0.97,0.975,0.98 --export "$model"
echo "questions kept in $data"
