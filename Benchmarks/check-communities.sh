#!/usr/bin/env bash
# Solves generated communities of 60 to 500 volunteers, tight and loose, and re-scores every
# output with the shared checker: each must pass and agree with `score:` to the unit.
# Usage: Benchmarks/check-communities.sh [SECONDS_PER_SOLVE] (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
tools=../shared/tools
work=.build-bench/communities
swift build -c release --product patrol >/dev/null
patrol=.build/release/patrol
rm -rf "$work" && mkdir -p "$work"
printf '%-10s %-6s %-9s %10s %10s %8s %s\n' volunteers grids tightness score checker coverage verdict
status=0
for spec in "60 4" "120 6" "250 12" "500 25"; do
    set -- $spec
    for tightness in tight loose; do
        dir="$work/$1-$tightness"
        $patrol generate --volunteers "$1" --grids "$2" --tightness "$tightness" --seed 7 --out "$dir/community" >/dev/null
        ours=$($patrol solve "$dir/community" --time-limit "$seconds" --db "$dir/patrol.sqlite" --out "$dir/out" | tail -n 1 | sed 's/^score: //')
        set +e
        python3 "$tools/patrol_check.py" "$dir/community" "$dir/out" > "$dir/check.json"
        code=$?
        set -e
        read -r theirs coverage < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["score"]["total"], d["kpi"]["coverage_pct"])' "$dir/check.json")
        verdict="ok"
        if [ "$code" -ne 0 ] || [ "$ours" != "$theirs" ]; then verdict="FAILED (exit $code)"; status=1; fi
        printf '%-10s %-6s %-9s %10s %10s %7s%% %s\n' "$1" "$2" "$tightness" "$ours" "$theirs" "$coverage" "$verdict"
    done
done
exit $status
