#!/usr/bin/env bash
# Benchmark corpus-scan against `wc -w` on the same files, on this machine.
#
#   bench/run.sh [DOCS]        # DOCS defaults to 35000 (about 110 MB of generated news)
#
# Generates a corpus with examples/gencorpus.rs (deterministic, seed 42) of DOCS documents
# and one of DOCS/10, then times, on each: `wc -w`, `corpus-scan sentences`,
# `corpus-scan entities` and `corpus-scan scan --format json`, printing MB/s, documents/s,
# peak memory (from /usr/bin/time -v) and the ratio of each time to `wc -w`, then how `scan`
# scales from the smaller corpus to the larger against the project's goals (parity with
# `wc -w`; ten times the documents in at most eleven times the time and under twice the
# memory). Also runs on ../shared/data/bbc-news when that folder exists. Set BENCH_DIR to
# keep the corpora.
#
# Each command runs RUNS times (default 3, one after the other) and the median time and
# median peak memory are shown, with the range of times: on a shared machine one slow run
# should not decide a ratio. The time scaling is also measured on PAIRS (default 5) runs of
# the two corpora back to back, as the load drifts between the two tables.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-35000}
runs=${RUNS:-3}
dir=${BENCH_DIR:-$(mktemp -d)}
cargo build --release --quiet --bin corpus-scan --example gencorpus
bin=target/release/corpus-scan
gen=target/release/examples/gencorpus

measure_once() { # command... ; prints "seconds peak_kb"
  local out tmp
  tmp=$(mktemp)
  /usr/bin/time -v -o "$tmp" "$@" > /dev/null 2>&1 || true
  out=$(cat "$tmp")
  rm -f "$tmp"
  local secs kb
  secs=$(echo "$out" | awk -F': ' '/Elapsed \(wall clock\)/ {split($2,t,":"); if (length(t)==3) print t[1]*3600+t[2]*60+t[3]; else print t[1]*60+t[2]}')
  kb=$(echo "$out" | awk -F': ' '/Maximum resident set size/ {print $2}')
  echo "$secs $kb"
}

measure() { # command... ; prints "median_seconds median_peak_kb fastest slowest"
  local i
  for ((i = 0; i < runs; i++)); do measure_once "$@"; done | awk '
    { s[NR] = $1; k[NR] = $2 }
    function median(a, n,    i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return a[int((n + 1) / 2)]
    }
    END { m = median(s, NR); printf "%s %s %s %s\n", m, median(k, NR), s[1], s[NR] }'
}

report() { # folder, label
  local folder=$1 label=$2
  local bytes files
  bytes=$(find "$folder" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
  files=$(find "$folder" -type f -name '*.txt' | wc -l)
  # Warm the page cache so every command reads from memory.
  find "$folder" -type f -name '*.txt' -exec cat {} + > /dev/null
  echo
  echo "== $label: $files documents, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}') MB, $(nproc) cores, median of $runs runs"
  printf '%-34s %8s %13s %9s %10s %9s %8s\n' command seconds range MB/s docs/s peak_MB vs_wc
  read -r wc_s wc_kb wc_lo wc_hi < <(measure sh -c "find '$folder' -type f -name '*.txt' -print0 | xargs -0 wc -w")
  for cmd in "wc -w" "corpus-scan sentences" "corpus-scan entities" "corpus-scan scan --format json"; do
    case $cmd in
      "wc -w") s=$wc_s; kb=$wc_kb; lo=$wc_lo; hi=$wc_hi ;;
      "corpus-scan sentences") read -r s kb lo hi < <(measure "$bin" sentences "$folder") ;;
      "corpus-scan entities") read -r s kb lo hi < <(measure "$bin" entities "$folder") ;;
      *) read -r s kb lo hi < <(measure "$bin" scan --format json "$folder") ;;
    esac
    awk -v c="$cmd" -v s="$s" -v kb="$kb" -v lo="$lo" -v hi="$hi" -v b="$bytes" -v n="$files" -v w="$wc_s" 'BEGIN {
      if (s <= 0) s = 0.001; if (w <= 0) w = 0.001;
      printf "%-34s %8.2f %6.2f-%-6.2f %9.1f %10.0f %9.1f %8.2f\n", c, s, lo, hi, b/1e6/s, n/s, kb/1024, s/w }'
    if [ "$cmd" = "corpus-scan scan --format json" ]; then
      scan_result="$s $kb $wc_s"
    fi
  done
}

small=$((docs / 10))
[ -d "$dir/small" ] || "$gen" --docs "$small" --seed 42 "$dir/small" 2>/dev/null
[ -d "$dir/large" ] || "$gen" --docs "$docs" --seed 42 "$dir/large" 2>/dev/null
report "$dir/small" "generated, $small documents"
read -r small_s small_kb _ <<< "$scan_result"
report "$dir/large" "generated, $docs documents"
read -r large_s large_kb large_wc <<< "$scan_result"
# The two medians above are minutes apart, and the load of a shared machine drifts in
# minutes: time each corpus again back to back, PAIRS times, and take the median ratio.
pairs=${PAIRS:-5}
pair_ratio=$(for ((i = 0; i < pairs; i++)); do
  read -r s _ < <(measure_once "$bin" scan --format json "$dir/small")
  read -r l _ < <(measure_once "$bin" scan --format json "$dir/large")
  awk -v s="$s" -v l="$l" 'BEGIN { if (s <= 0) s = 0.001; print l / s }'
done | sort -g | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }')
echo
echo "== scale of scan --format json: $docs documents against $small (medians)"
awk -v ss="$small_s" -v sk="$small_kb" -v ls="$large_s" -v lk="$large_kb" -v lw="$large_wc" \
  -v pr="$pair_ratio" -v pairs="$pairs" 'BEGIN {
  if (ss <= 0) ss = 0.001; if (sk <= 0) sk = 1; if (lw <= 0) lw = 0.001;
  printf "%-34s %8.2f   goal <= 1.0\n", "time vs wc -w, larger corpus", ls / lw
  printf "%-34s %8.2f   goal <= 11\n", "10x documents: time", ls / ss
  printf "%-34s %8.2f   goal <= 11 (median of %d back-to-back pairs)\n", "10x documents: time, paired", pr, pairs
  printf "%-34s %8.2f   goal < 2\n", "10x documents: peak memory", lk / sk }'
if [ -d ../shared/data/bbc-news ]; then
  report ../shared/data/bbc-news "BBC News sample"
fi
[ -n "${BENCH_DIR:-}" ] || rm -rf "$dir"
