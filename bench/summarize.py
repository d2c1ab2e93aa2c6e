"""Turns bench/run.sh's records into the Markdown of docs/benchmark.md: medians, ratios against
the aims, and each lab run split by its report's timings. Every column is a median on its own,
so the parts of a row need not add up to its wall time exactly.

Usage: summarize.py RECORDS REPETITIONS LOAD_BEFORE LOAD_AFTER
A record is "list labs-list WALL", "warm LAB WALL REPORT", "cold run-all WALL REPORT" or
"peer boto3|awscli WALL [SPLIT-JSON]".
"""
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

records_file, reps, load_before, load_after = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

AIM_LIST_MS = 300
AIM_BOTO3_RATIO = 1.6
AIM_CLI_RATIO = 0.2


def median(values):
    return int(statistics.median(values)) if values else 0


def split_of(wall, report):
    t = json.load(open(report))["timings"]
    return {"wall": wall, "jvm": t["jvmStartMs"], "emulator": t["emulatorStartMs"], "api": t["apiMs"],
            "calls": t["apiCalls"], "waits": t["waitMs"],
            "overhead": wall - t["jvmStartMs"] - t["emulatorStartMs"] - t["apiMs"] - t["waitMs"],
            "labs": len(json.load(open(report))["labs"])}


lists, warm, cold, peers = [], {}, [], {"boto3": [], "awscli": []}
for line in open(records_file):
    kind, name, rest = line.rstrip("\n").split(" ", 2)
    wall, _, extra = rest.partition(" ")
    wall = int(wall)
    if kind == "list":
        lists.append(wall)
    elif kind == "warm":
        warm.setdefault(name, []).append(split_of(wall, extra))
    elif kind == "cold":
        cold.append(split_of(wall, extra))
    else:
        peers[name].append({"wall": wall, **(json.loads(extra) if extra not in ("", "-") else {})})


def col(rows, key):
    return median([r[key] for r in rows])


def run_output(*command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (done.stdout.strip() or done.stderr.strip() or "unknown").splitlines()[0]
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
    mem = next((int(l.split()[1]) // (1024 * 1024) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    distro = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")),
                  platform.system())
    java = run_output("java", "-version")
    return (f"{os.cpu_count()} cores ({cpu}), {mem} GiB, {distro}, {java}, Python {platform.python_version()}, "
            f"{run_output('./labs', '--version')}; load average {load_before} before, {load_after} after")


def yes(ok):
    return "met" if ok else "**not met**"


print(f"### {datetime.date.today().isoformat()}: `bench/run.sh {reps}`")
print()
print(f"Machine: {machine()}.")
print()
list_ms = median(lists)
print(f"`labs list`: median **{list_ms} ms** (min {min(lists)}, max {max(lists)}, {len(lists)} runs); "
      f"aim under {AIM_LIST_MS} ms: {yes(list_ms < AIM_LIST_MS)}.")
print()
print(f"Each lab on one warm moto (`--target endpoint`, state reset before each run), medians of {reps}:")
print()
print("| lab | wall ms | JVM start | emulator start | API ms (calls) | waits | overhead |")
print("|---|---|---|---|---|---|---|")
for lab, rows in warm.items():
    print(f"| {lab} | {col(rows, 'wall')} | {col(rows, 'jvm')} | {col(rows, 'emulator')} | {col(rows, 'api')} "
          f"({col(rows, 'calls')}) | {col(rows, 'waits')} | {col(rows, 'overhead')} |")
print()
if cold:
    n = cold[0]["labs"]
    print(f"`labs run --all` from cold ({n} labs, moto started and stopped by the command), medians of {len(cold)}:")
    print()
    # The labs run concurrently, so their API time and waits overlap: summed over the labs they
    # exceed the wall time, and wall minus their sum says nothing about overhead.
    print("The labs run concurrently: API time and waits are summed over labs that overlap, so they exceed")
    print("the wall time and the row has no overhead column.")
    print()
    print("| wall ms | per lab | JVM start | emulator start | API ms, summed (calls) | waits, summed |")
    print("|---|---|---|---|---|---|")
    print(f"| {col(cold, 'wall')} | {col(cold, 'wall') // max(n, 1)} | {col(cold, 'jvm')} | {col(cold, 'emulator')} "
          f"| {col(cold, 'api')} ({col(cold, 'calls')}) | {col(cold, 'waits')} |")
    print()

kms = warm.get("kms-envelope-encryption", [])
if kms and peers["boto3"] and peers["awscli"]:
    lab_ms, boto_ms, cli_ms = col(kms, "wall"), col(peers["boto3"], "wall"), col(peers["awscli"], "wall")
    b = peers["boto3"]
    print(f"The KMS lab's 23 calls on the same warm moto, one after the other in each repetition, medians of {reps}:")
    print()
    print("| | wall ms | where the time goes |")
    print("|---|---|---|")
    print(f"| `labs run kms-envelope-encryption --target endpoint` | {lab_ms} | JVM start {col(kms, 'jvm')}, "
          f"API {col(kms, 'api')} ({col(kms, 'calls')} calls), overhead {col(kms, 'overhead')} (launcher, CLI, "
          f"SDK clients, local crypto, report) |")
    print(f"| `bench/kms_boto3.py` | {boto_ms} | interpreter start {median([r['wall'] - r['totalMs'] for r in b])}, "
          f"imports and client {col(b, 'importMs')}, API {col(b, 'apiMs')} ({col(b, 'apiCalls')} calls), "
          f"local AES-GCM {col(b, 'localCryptoMs')} |")
    print(f"| `bench/kms_awscli.sh` | {cli_ms} | 23 `aws` processes and 2 Python runs for AES-GCM |")
    print()
    boto_ratio, cli_ratio = lab_ms / boto_ms, lab_ms / cli_ms
    print(f"Ratios: lab / boto3 = **{boto_ratio:.2f}x** (aim within {AIM_BOTO3_RATIO}x: {yes(boto_ratio <= AIM_BOTO3_RATIO)}); "
          f"lab / AWS CLI = **{cli_ratio:.2f}x** (aim under {AIM_CLI_RATIO}x: {yes(cli_ratio < AIM_CLI_RATIO)}).")
