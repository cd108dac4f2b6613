#!/usr/bin/env bash
# Compares two builds of `patrol` on Curtois instances over several seeds (or one build under
# two settings: BEFORE and AFTER are commands, such as "env SOME_SWITCH=1 .build/release/patrol").
# Single runs spread more than most search changes move them, so a change is judged by its
# means. Both run one after the other for each seed, so a change in the machine's speed during
# the comparison falls on both alike. Prints every run's objective, then the means.
# Usage: Benchmarks/compare-seeds.sh BEFORE AFTER SECONDS SEEDS INSTANCE_NUMBERS...
#   e.g. Benchmarks/compare-seeds.sh /tmp/patrol-before .build/release/patrol 30 "1 2 3 4" 7 9 10
set -euo pipefail
[ $# -ge 5 ] || { sed -n 7,8p "$0" >&2; exit 2; }
before=$1 after=$2 seconds=$3 seeds=$4
shift 4
bench=$(cd "$(dirname "$0")/.." && pwd)/../shared/benchmarks/curtois
threads=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=""
for n in "$@"; do
    for seed in $seeds; do
        for build in before after; do
            binary=$before
            [ "$build" = after ] && binary=$after
            # The table's row for the instance: "| InstanceN | objective | feasible | ...".
            row=$($binary bench curtois "$bench/Instance$n.txt" --time-limit "$seconds" --threads "$threads" \
                --seed "$seed" --out "$work/$build" 2>/dev/null | grep "^| Instance$n |") \
                || { echo "$build ($binary) printed no row for Instance$n, seed $seed" >&2; exit 1; }
            objective=$(printf '%s\n' "$row" | cut -d'|' -f3 | tr -d ' ')
            feasible=$(printf '%s\n' "$row" | cut -d'|' -f4 | tr -d ' ')
            note=""
            [ "$feasible" = yes ] || note=" (infeasible)"
            echo "Instance$n seed $seed $build: $objective$note"
            runs="$runs$n $build $objective
"
        done
    done
done
printf '%s' "$runs" | python3 -c '
import sys, collections
runs = collections.defaultdict(list)
for line in sys.stdin:
    n, build, objective = line.split()
    runs[(int(n), build)].append(int(objective))
print("| instance | mean before | mean after | runs |")
print("| --- | ---: | ---: | ---: |")
for n in sorted({n for n, _ in runs}):
    b, a = runs[(n, "before")], runs[(n, "after")]
    print(f"| Instance{n} | {sum(b) / len(b):.2f} | {sum(a) / len(a):.2f} | {len(b)} |")
'
