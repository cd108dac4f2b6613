#!/usr/bin/env bash
# Regenerates Benchmarks/README.md's Curtois table: every instance solved by `patrol bench
# curtois`, each solution re-checked by curtois_check.py, and the CP-SAT peer
# curtois_cpsat.py run on the same instance right after ours, with the same time and cores.
# Usage: Benchmarks/run-curtois.sh [SECONDS] [INSTANCE_NUMBERS...]   (default 60 s, all 24)
set -euo pipefail
cd "$(dirname "$0")/.."
# Without OR-Tools the peer would only print tracebacks and the table would read as if CP-SAT
# had found nothing: stop before spending the time.
python3 -c 'import ortools' 2>/dev/null || { echo "the CP-SAT peer needs OR-Tools: pip install ortools" >&2; exit 1; }
seconds=${1:-60}
shift || true
numbers=("$@")
[ ${#numbers[@]} -gt 0 ] || numbers=($(seq 1 24))
bench=../shared/benchmarks/curtois
cores=$(nproc)
swift build -c release --product patrol >/dev/null
files=()
for n in "${numbers[@]}"; do files+=("$bench/Instance$n.txt"); done
table=$(.build/release/patrol bench curtois "${files[@]}" --time-limit "$seconds" --threads "$cores" \
    --peer-time-limit "$seconds" --peer-workers "$cores" --out .build-bench/curtois)
report=Benchmarks/README.md
python3 - "$report" "$seconds" "$cores" "$table" <<'PY'
import re, sys, datetime
path, seconds, cores, table = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
text = open(path, encoding="utf-8").read()
start, end = "<!-- curtois:start -->", "<!-- curtois:end -->"
body = (f"{start}\n{seconds} s per instance, {cores} threads for patrol and {cores} CP-SAT workers, "
        f"run {datetime.date.today()} on this machine by `Benchmarks/run-curtois.sh {seconds}`.\n\n{table}\n{end}")
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: body, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
echo "$table"
