#!/usr/bin/env bash
# Regenerates Benchmarks/README.md's patrol table: generated communities of 200 to 2,000
# volunteers solved by `patrol bench patrol`, re-scored by patrol_check.py, and the CP-SAT
# peer patrol_cpsat.py run right after ours with the same seconds and workers.
# Usage: Benchmarks/run-patrol.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
# Without OR-Tools the peer would only print tracebacks and the table would read as if CP-SAT
# had found nothing: stop before spending the time.
python3 -c 'import ortools' 2>/dev/null || { echo "the CP-SAT peer needs OR-Tools: pip install ortools" >&2; exit 1; }
seconds=${1:-60}
cores=$(nproc)
swift build -c release --product patrol >/dev/null
rows="| volunteers | grids | needed volunteer-shifts | first valid (s) | score | coverage % | moves/s | peak MB | patrol_check.py | CP-SAT score |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
for spec in "200 10" "500 25" "2000 60"; do
    set -- $spec
    out=$(.build/release/patrol bench patrol --volunteers "$1" --grids "$2" --time-limit "$seconds" \
        --threads "$cores" --peer-time-limit "$seconds" --peer-workers "$cores" --work ".build-bench/patrol-$1")
    field() { printf '%s\n' "$out" | sed -n "$1" | head -n 1; }
    needed=$(field 's/^community: .* slots, \([0-9]*\) volunteer-shifts needed/\1/p')
    first=$(field 's/^first valid schedule: \([0-9.]*\) s.*/\1/p')
    score=$(field 's/^final score: \([0-9]*\),.*/\1/p')
    coverage=$(field 's/^final score: .*coverage \([0-9.]*\)%.*/\1/p')
    moves=$(field 's/^moves evaluated per second: \([0-9]*\)/\1/p')
    memory=$(field 's/^peak memory: \([0-9.]*\) MB/\1/p')
    check=$(field 's/^patrol_check.py: \(.*\)/\1/p')
    peer=$(field 's/^CP-SAT peer: score \([0-9]*\).*/\1/p')
    rows="$rows
| $1 | $2 | $needed | $first | $score | $coverage | $moves | $memory | $check | $peer |"
done
python3 - Benchmarks/README.md "$seconds" "$cores" "$rows" <<'PY'
import re, sys, datetime
path, seconds, cores, table = sys.argv[1:5]
text = open(path, encoding="utf-8").read()
start, end = "<!-- patrol:start -->", "<!-- patrol:end -->"
body = (f"{start}\n{seconds} s each, {cores} threads for patrol and {cores} CP-SAT workers, run "
        f"{datetime.date.today()} on this machine by `Benchmarks/run-patrol.sh {seconds}`.\n\n{table}\n{end}")
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: body, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
echo "$rows"
