#!/usr/bin/env bash
# Benchmark: times `labs list` and `labs run kms-envelope-encryption` (warm venv, built jar),
# and splits each run into JVM start, emulator start, time inside AWS API calls (the SDK
# interceptor's sum, from the report), deliberate waits, and the tool's own overhead.
# Usage: bench/run.sh [repetitions] [lab-id]
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
lab="${2:-kms-envelope-encryption}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

./labs list >/dev/null            # builds the jar if needed
./labs run "$lab" --report-dir "$out/warmup" >/dev/null 2>&1 || true   # warms the venv

ms() { date +%s%3N; }

list_times=()
for _ in $(seq "$reps"); do
    t0=$(ms); ./labs list >/dev/null; t1=$(ms)
    list_times+=($((t1 - t0)))
done

rows=()
for i in $(seq "$reps"); do
    t0=$(ms)
    ./labs run "$lab" --report-dir "$out/run$i" >/dev/null 2>&1 || { echo "bench: the lab run failed" >&2; exit 1; }
    t1=$(ms)
    rows+=("$((t1 - t0)) $(ls "$out/run$i"/*.json)")
done

python3 - "$lab" "${list_times[*]}" "${rows[@]}" <<'PY'
import json, statistics, sys
lab, list_times, runs = sys.argv[1], [int(x) for x in sys.argv[2].split()], sys.argv[3:]
cols = {k: [] for k in ("wall", "jvm", "emulator", "api", "calls", "wait", "overhead")}
for row in runs:
    wall, path = row.split(" ", 1)
    t = json.load(open(path))["timings"]
    wall = int(wall)
    cols["wall"].append(wall); cols["jvm"].append(t["jvmStartMs"]); cols["emulator"].append(t["emulatorStartMs"])
    cols["api"].append(t["apiMs"]); cols["calls"].append(t["apiCalls"]); cols["wait"].append(t["waitMs"])
    cols["overhead"].append(wall - t["jvmStartMs"] - t["emulatorStartMs"] - t["apiMs"] - t["waitMs"])
med = lambda xs: int(statistics.median(xs))
print(f"labs list: median {med(list_times)} ms (min {min(list_times)}, max {max(list_times)}) over {len(list_times)} runs")
print(f"labs run {lab}: median of {len(runs)} runs")
print("| wall ms | JVM start ms | emulator start ms | API ms (calls) | waits ms | overhead ms |")
print("|---|---|---|---|---|---|")
print(f"| {med(cols['wall'])} | {med(cols['jvm'])} | {med(cols['emulator'])} | {med(cols['api'])} ({med(cols['calls'])}) "
      f"| {med(cols['wait'])} | {med(cols['overhead'])} |")
PY
