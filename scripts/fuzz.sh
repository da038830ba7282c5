#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ with -sanitize=fuzzer,address and runs each for a
# while on a seed corpus made from Templates/, samples/, Plugins/ and Docs/.
#
#   bash scripts/fuzz.sh                 # every target 40 s (CI)
#   bash scripts/fuzz.sh 3600            # every target an hour
#   bash scripts/fuzz.sh 600 templates   # only the named targets
#   bash scripts/fuzz.sh --regressions   # only the reproducers in Fuzz/regressions/
#
# Fails on any crash, leak, time-out (one input longer than 10 s) or memory above 2 GB,
# and when a reproducer of a fixed problem (Fuzz/regressions/<target>/) fails again.
# The input that did it is kept in .build-fuzz/crashes/<target>/ and printed. The corpus
# each target grows is kept in .build-fuzz/corpus/<target>/, so a later run goes on from it.
# FUZZ_JOBS targets run at once (default 2); LEREND_FUZZ_KNOWN=1 lets in the known problems
# that the harnesses keep out (see Fuzz/README.md).
set -uo pipefail

# All in one function, so that bash has read the whole script before it runs: editing it
# during a long run does not change the run.
main() {
  cd "$(dirname "$0")/.."

  seconds=40
  regressions=false
  targets=()
  for argument in "$@"; do
    case "$argument" in
      --regressions) regressions=true ;;
      expressions | data | templates | rules) targets+=("$argument") ;;
      *[!0-9]* | "")
        echo "gebruik: scripts/fuzz.sh [SECONDEN_PER_DOEL] [expressions|data|templates|rules ...] [--regressions]" >&2
        exit 2
        ;;
      *) seconds=$argument ;;
    esac
  done
  [ ${#targets[@]} -gt 0 ] || targets=(expressions data templates rules)
  parallel=${FUZZ_JOBS:-2}
  build=.build-fuzz

  # The largest input per target: the seeds fit; expressions stay below the nesting that
  # still overflows the stack (2,000 nested '-' do; see Fuzz/README.md).
  max_len() {
    case "$1" in
      expressions) echo 1024 ;;
      data) echo 16384 ;;
      templates) echo 65536 ;;
      rules) echo 16384 ;;
    esac
  }
  dict() {
    case "$1" in
      expressions) echo Fuzz/expressions.dict ;;
      data) echo Fuzz/data.dict ;;
      rules) echo Fuzz/rules.dict ;;
    esac
  }

  started=$SECONDS
  mkdir -p "$build"
  if ! swift build -c release --package-path Fuzz --build-path "$build" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$build/build.log" 2>&1; then
    grep -E "error:" "$build/build.log" | head -20 >&2 || tail -20 "$build/build.log" >&2
    echo "fuzz.sh: de fuzzdoelen bouwen niet (zie $build/build.log)" >&2
    exit 1
  fi
  echo "fuzz.sh: gebouwd in $((SECONDS - started)) s"

  export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
  export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"

  # Runs each known problem's reproducer once, with the work-arounds off; sets status.
  run_regressions() {
    local input begin code took problem
    for target in "${targets[@]}"; do
      for input in Fuzz/regressions/"$target"/*; do
        [ -e "$input" ] || continue
        begin=$SECONDS
        LEREND_FUZZ_KNOWN=1 "$build/release/fuzz-$target" -timeout=10 -rss_limit_mb=2048 "$input" \
          >"$build/regression.log" 2>&1
        code=$? took=$((SECONDS - begin))
        if [ "$code" -eq 0 ] && [ "$took" -lt 10 ]; then
          echo "fuzz.sh: in orde      $input (${took} s)"
        else
          status=1
          problem=$(grep -ohE 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer): [a-z-]+' "$build/regression.log" | head -1)
          echo "fuzz.sh: faalt weer   $input (${took} s${problem:+, $problem})"
        fi
      done
    done
  }

  status=0
  if $regressions; then
    run_regressions
    exit $status
  fi

  python3 Fuzz/make-seeds.py "$build/seeds" | sed 's/^/fuzz.sh: zaadjes /'

  # Runs one target; its output goes to $build/logs/<target>.log.
  run() {
    local target=$1
    local corpus=$build/corpus/$target crashes=$build/crashes/$target
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")"
      -print_final_stats=1 -artifact_prefix="$crashes/")
    [ -n "$(dict "$target")" ] && options+=(-dict="$(dict "$target")")
    mkdir -p "$corpus" "$crashes"
    "$build/release/fuzz-$target" "${options[@]}" "$corpus" "$build/seeds/$target" >"$build/logs/$target.log" 2>&1
    echo $? >"$build/logs/$target.code"
  }

  rm -rf "$build/logs" && mkdir -p "$build/logs"
  echo "fuzz.sh: ${#targets[@]} doelen, elk $seconds s, $parallel tegelijk"
  for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n; done
    find "$build/crashes/$target" -type f 2>/dev/null | wc -l >"$build/logs/$target.before"
    run "$target" &
  done
  wait

  for target in "${targets[@]}"; do
    code=$(cat "$build/logs/$target.code")
    log=$build/logs/$target.log
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    [ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    corpus=$(find "$build/corpus/$target" -type f | wc -l)
    if [ "$code" -eq 0 ]; then
      printf 'fuzz.sh: %-12s %10s uitvoeringen (%s/s), piek %s MB, corpus %s, geen fouten\n' \
        "$target" "${runs:-?}" "${per_second:-?}" "${rss:-?}" "$corpus"
      continue
    fi
    status=1
    printf 'fuzz.sh: %-12s FOUT (code %s) na %s uitvoeringen\n' "$target" "$code" "${runs:-?}"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*fatal error|ALARM|==[0-9]+== ERROR)' "$log" | head -5 | sed 's/^/    /'
    grep -A 30 -E '==ERROR|Fatal error|ALARM|out-of-memory' "$log" | grep -E '^ *#[0-9]+ ' | head -15 | sed 's/^/    /'
    before=$(cat "$build/logs/$target.before")
    find "$build/crashes/$target" -type f -printf '%T@ %p\n' | sort -n | tail -n +"$((before + 1))" | cut -d' ' -f2- |
      while read -r artifact; do
        echo "    invoer: $artifact ($(stat -c %s "$artifact") bytes)"
        python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print("    " + repr(d[:300]) + (" ..." if len(d) > 300 else ""))' "$artifact"
        # Small enough to copy from a CI log: base64 -d gives the input back.
        [ "$(stat -c %s "$artifact")" -le 4096 ] && echo "    base64: $(base64 -w0 "$artifact")"
      done
    echo "    het hele verslag: $log; opnieuw: $build/release/fuzz-$target <invoer>"
  done
  run_regressions
  echo "fuzz.sh: klaar in $((SECONDS - started)) s"
  exit $status
}

main "$@"
