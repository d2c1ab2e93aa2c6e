#!/usr/bin/env bash
# Benchmark, in one sitting and interleaved: every repetition measures, in this order,
#   `labs list`;
#   every lab on one warm moto that this script starts and the labs reuse (--target endpoint);
#   the KMS lab's 23 calls as a boto3 script and as AWS CLI calls, right after the lab, on that moto;
#   `labs run --all` from cold (the default target: the command starts and stops its own moto).
# moto's state is reset before each run on the shared server. It prints Markdown for
# docs/benchmark.md: medians, ratios against the aims, and each lab run split into JVM start,
# emulator start, API time, waits and overhead (from the run report's timings).
# Usage: bench/run.sh [repetitions] [lab]   (default 5 repetitions of every lab; a lab id limits
#        the warm-moto part to that lab; the KMS comparison and run --all always run)
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
only="${2:-}"
out="$(mktemp -d)"
cache="${LABS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aws-labs}"
python="${LABS_PYTHON:-python3}"
export LABS_STATE_DIR="$out/state"   # the endpoint runs' journals stay out of the user's state directory
moto_pid=""

stop() {
    if [ -n "$moto_pid" ]; then
        kill "$moto_pid" 2>/dev/null || true
        wait "$moto_pid" 2>/dev/null || true
    fi
    rm -rf "$out"
}
trap stop EXIT

say() { echo "bench: $*" >&2; }
ms() { date +%s%3N; }

say "preparing: the jar, moto's venv and the class-data archive, as after a first run"
./labs list >/dev/null
./labs run kms-envelope-encryption --report-dir "$out/prepare" >/dev/null 2>&1 || { say "the first lab run failed"; exit 1; }
for _ in $(seq 120); do
    compgen -G "target/launcher/*.jsa" >/dev/null && break
    sleep 0.5
done
compgen -G "target/launcher/*.jsa" >/dev/null || say "no class-data archive after 60 s: measuring without it"
labs=()
while read -r id _; do
    [ "$id" = ID ] || [ -z "$id" ] || labs+=("$id")
done < <(./labs list)
[ -z "$only" ] || labs=("$only")

requirements=bench/requirements.txt
venv="$cache/bench-$(sha256sum "$requirements" | cut -c1-12)"
if [ ! -e "$venv/.complete" ]; then
    say "installing the peers into $venv (once): $(grep -E '^(boto3|awscli)==' "$requirements" | tr '\n' ' ')"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    touch "$venv/.complete"
fi

# One moto for the warm runs, from the labs' own venv and with the settings the labs start theirs with.
moto_server="$(compgen -G "$cache/moto-*/bin/moto_server" | sort -V | tail -n 1)"
port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MOTO_ACM_VALIDATION_WAIT=0 MOTO_IAM_LOAD_MANAGED_POLICIES=true MOTO_DISABLE_GLOBAL_CORS=1 "$moto_server" -H 127.0.0.1 -p "$port" >"$out/moto.log" 2>&1 &
moto_pid=$!
endpoint="http://127.0.0.1:$port"
http() { "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method=sys.argv[2]), timeout=60)' "$@"; }
for _ in $(seq 100); do http "$endpoint/moto-api/data.json" GET 2>/dev/null && break; sleep 0.2; done
reset() { http "$endpoint/moto-api/reset" POST; }

records="$out/records"
: >"$records"
warm_run() {   # lab, repetition or "warm-up"
    local dir="$out/warm/$1/$2" t0 t1
    mkdir -p "$out/warm/$1"
    reset
    t0=$(ms)
    # the endpoint target recognises moto, so the statuses are those of --target moto; an
    # assertion that fails (exit 1) still gives its timings, so only another exit stops the bench
    ./labs run "$1" --target endpoint --endpoint-url "$endpoint" --report-dir "$dir" >"$dir.log" 2>&1 \
        || [ $? = 1 ] || { say "$1 on the warm moto did not run: $(tail -n 3 "$dir.log")"; exit 1; }
    t1=$(ms)
    echo "warm $1 $((t1 - t0)) $(compgen -G "$dir/*.json")" >>"$records"
}
peer_run() {   # boto3|awscli, repetition
    local t0 t1 split=-
    reset
    t0=$(ms)
    if [ "$1" = boto3 ]; then
        split="$(AWS_ENDPOINT_URL="$endpoint" "$venv/bin/python" bench/kms_boto3.py)"
    else
        AWS_ENDPOINT_URL="$endpoint" PATH="$venv/bin:$PATH" bench/kms_awscli.sh
    fi
    t1=$(ms)
    echo "peer $1 $((t1 - t0)) $split" >>"$records"
}

say "warming moto: every lab and both peers once, not counted"
for lab in "${labs[@]}"; do warm_run "$lab" warm-up; done
[[ " ${labs[*]} " == *" kms-envelope-encryption "* ]] || warm_run kms-envelope-encryption warm-up
peer_run boto3 warm-up
peer_run awscli warm-up
: >"$records"
uptime_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

kms_measured=""
for i in $(seq "$reps"); do
    say "repetition $i of $reps"
    t0=$(ms); ./labs list >/dev/null; t1=$(ms)
    echo "list labs-list $((t1 - t0))" >>"$records"
    for lab in "${labs[@]}" kms-envelope-encryption; do
        if [ "$lab" = kms-envelope-encryption ]; then
            [ "$kms_measured" = "$i" ] && continue
            kms_measured="$i"
        fi
        warm_run "$lab" "$i"
        if [ "$lab" = kms-envelope-encryption ]; then
            peer_run boto3 "$i"
            peer_run awscli "$i"
        fi
    done
    t0=$(ms)
    ./labs run --all --report-dir "$out/cold/$i" >"$out/cold-$i.log" 2>&1 \
        || { say "run --all exited $?: $(tail -n 3 "$out/cold-$i.log")"; exit 1; }
    t1=$(ms)
    echo "cold run-all $((t1 - t0)) $(compgen -G "$out/cold/$i/*.json")" >>"$records"
done

"$venv/bin/python" bench/summarize.py "$records" "$reps" "$uptime_before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
