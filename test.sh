#!/usr/bin/env bash
# Builds ChargeWatch and runs every test project against real Mosquitto, InfluxDB and Alertmanager.
# Ends with "N passed, N failed"; exits non-zero when anything failed or no test ran.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

ensure_dotnet
ensure_packages mosquitto:mosquitto influxd:influxdb prometheus-alertmanager:prometheus-alertmanager

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> building"
if ! dotnet build ChargeWatch.sln; then
  echo "build failed: no tests ran" >&2
  exit 1
fi

logs=$(mktemp -d -t chargewatch-test.XXXXXX)
passed=0 failed=0 skipped=0 total=0 broken=()
# Every test project of the solution (what the build above built); one outside it is a mistake to report.
projects=()
for project in $(dotnet sln ChargeWatch.sln list | grep '\.csproj$' | sort); do
  if grep -q '<IsTestProject>true</IsTestProject>' "$project"; then
    projects+=("$project")
  fi
done
for project in tests/*/*.csproj; do
  if grep -q '<IsTestProject>true</IsTestProject>' "$project" && [[ " ${projects[*]} " != *" $project "* ]]; then
    echo "!! $project is a test project outside ChargeWatch.sln: not run (dotnet sln add it)"
  fi
done
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "==> $name"
  status=0
  dotnet test --project "$project" --no-build "$@" 2>&1 | tee "$logs/$name.log" || status=$?
  # Microsoft.Testing.Platform ends each run with a summary block: total/failed/succeeded/skipped.
  summary=$(sed -n '/Test run summary/,$p' "$logs/$name.log")
  if [ -z "$summary" ]; then
    echo "!! $name printed no test summary (exit code $status)"
    broken+=("$name")
    continue
  fi
  value() { echo "$summary" | sed -n "s/^ *$1: *\([0-9]*\).*/\1/p" | tail -n 1; }
  p=$(value succeeded) f=$(value failed) s=$(value skipped) t=$(value total)
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${s:-0})) total=$((total + ${t:-0}))
  # Exit code 8 is Microsoft.Testing.Platform's "zero tests ran": a warning per project, a failure in total.
  if [ "$status" -eq 8 ] && [ "${t:-0}" -eq 0 ]; then
    echo "!! $name ran no tests"
  elif [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
    echo "!! $name exited with $status"
    broken+=("$name")
  fi
done

rm -rf "$logs"
[ "$skipped" -gt 0 ] && echo "$skipped skipped"
[ ${#broken[@]} -gt 0 ] && echo "projects that did not run cleanly: ${broken[*]}"
echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ] || [ ${#broken[@]} -gt 0 ]; then
  exit 1
fi
if [ "$total" -eq 0 ]; then
  echo "no tests ran" >&2
  exit 1
fi
