# Shared by the benchmark scripts (sourced): a release build of danju and danju-bench, the demo database, and
# `measure`. A script may set default_runs before sourcing (5 otherwise) and list extra Debian packages in
# bench_packages.
# The machine is shared and noisy, so read medians, not minima.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-${default_runs:-5}}
scripts/install-deps
# GNU time (peak RSS) and the sqlite3 shell are needed only here.
if ! command -v /usr/bin/time >/dev/null || ! command -v sqlite3 >/dev/null || { [ -n "${bench_packages:-}" ] && ! dpkg -s $bench_packages >/dev/null 2>&1; }; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time sqlite3 ${bench_packages:-} >/dev/null
fi
scripts/prepare-fonts >/dev/null
swift build -c release >/dev/null
danju=${DANJU:-.build/release/danju}  # DANJU=other/binary compares builds
bench=${DANJU_BENCH:-.build/release/danju-bench}  # the measuring commands
db=output/demo.sqlite
[ -f "$db" ] || $danju demo-db "$db" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME PAGES OUTPUT -- command…: runs the command RUNS times under /usr/bin/time and prints the
# median wall time, pages/s, the median CPU time (user + system: steadier than wall time on a shared
# machine), peak RSS and bytes/page; appends "NAME<TAB>peak RSS MB" to $work/rss.
# PAGES 0 counts the pages of OUTPUT (a PDF) with pdfinfo.
measure() {
  local name=$1 pages=$2 output=$3; shift 4
  : > "$work/$name.times"
  for _ in $(seq "$runs"); do
    rm -rf "$output"
    /usr/bin/time -f "%e %M %U %S" -a -o "$work/$name.times" "$@" 2>/dev/null >/dev/null || { echo "$name failed"; "$@"; exit 1; }
  done
  [ "$pages" -gt 0 ] || pages=$(pdfinfo "$output" | awk '/^Pages:/ {print $2}')
  local bytes
  bytes=$(du -sb "$output" | cut -f1)
  /usr/bin/python3 - "$name" "$pages" "$bytes" "$work/$name.times" "$work/rss" <<'PY'
import statistics, sys
name, units, size, path, rss_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = [line.split() for line in open(path) if line.strip() and line[0].isdigit()]
walls = [float(r[0]) for r in rows]; rss = [int(r[1]) / 1024 for r in rows]
wall = statistics.median(walls); cpu = statistics.median(float(r[2]) + float(r[3]) for r in rows)
print(f"{name:<30} {units:5d} pages, wall median {wall*1000:6.0f} ms (min {min(walls)*1000:.0f}, max {max(walls)*1000:.0f})"
      f" {units / wall:6.1f} pages/s, CPU {cpu:6.2f} s  peak RSS {max(rss):6.1f} MB  {size / units / 1024:5.1f} KB/page")
open(rss_file, "a").write(f"{name}\t{max(rss)}\n")
PY
}
