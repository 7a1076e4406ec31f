#!/usr/bin/env bash
# What the warm start costs: METERS household meters with HOURS hours of 60-s readings (pf on half)
# written straight to a real InfluxDB 1.6.7, then a worker started on it; prints the worker's
# "Warm start: replayed N meter readings … in S s" and the time from launch to "ChargeWatch ready".
# Usage: bench/warm-start.sh (METERS=1000 HOURS=24 by default); KEEP=1 keeps the files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

METERS=${METERS:-1000}
HOURS=${HOURS:-24}
ART=${CW_ARTIFACTS:-$PWD/artifacts}
ensure_dotnet
ensure_packages mosquitto:mosquitto influxd:influxdb curl:curl python3:python3

dotnet build -c Release -v q src/ChargeWatch.Worker > /dev/null
WORKER_DLL=$ART/bin/ChargeWatch.Worker/release/ChargeWatch.Worker.dll

since() { awk -v from="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - from }'; }

use_work_dir warm
start_mosquitto
start_influxdb

# One point per meter and minute, as the worker writes them (contract §7): a base load with noise,
# and on every tenth meter a 200 W load for the last two hours.
python3 - "$METERS" "$HOURS" > "$WORK/meters.lp" <<'PY'
import random, sys
meters, hours = int(sys.argv[1]), int(sys.argv[2])
end = 1783000000000  # ms, 2026-07-02
random.seed(7)
for minute in range(hours * 60):
    t = end - (hours * 60 - minute) * 60000
    for m in range(meters):
        w = 80 + 40 * random.random() + (200 if m % 10 == 0 and minute >= (hours - 2) * 60 else 0)
        pf = f",pf={0.6 + 0.3 * random.random():.2f}" if m % 2 == 0 else ""
        print(f"meter,site=bench,meter=m{m},role=household w={w:.1f},v=230.1,a={w / 230 / 0.8:.3f}{pf} {t}")
PY
split -l 50000 "$WORK/meters.lp" "$WORK/part-"
started=$(date +%s.%N)
for part in "$WORK"/part-*; do
  curl -sf -XPOST "$INFLUX_URL/write?db=chargewatch&precision=ms" --data-binary @"$part"
done
echo "wrote $(wc -l < "$WORK/meters.lp") meter points in $(since "$started") s"

started=$(date +%s.%N)
start_worker worker "ChargeWatch__WarmStart__Hours=$HOURS"
echo "worker ready $(since "$started") s after launch"
grep -o "Warm start: .*" "$WORK/worker/log"
echo "log lines naming flywire.household: $(grep -c 'flywire.household' "$WORK/worker/log" || true)"
