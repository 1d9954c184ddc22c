#!/bin/bash
# prints every 0.5s: elapsed, cpu% per java process (bench,sink,mapper,ingester) until file $1 has "Steady rate"
OUT=$1
declare -A prev
t0=$(date +%s.%N)
while ! grep -q "^Steady rate:" $OUT 2>/dev/null; do
  line=""
  for p in $(pgrep java); do
    n=$(tr "\0" " " < /proc/$p/cmdline 2>/dev/null | grep -o "Ctipipe [a-z]*\|ctipipe-bench.jar --work" | tail -1 | awk '{print $NF}')
    [ -z "$n" ] && continue
    s=($(cut -d')' -f2 /proc/$p/stat 2>/dev/null)); t=$(( ${s[11]} + ${s[12]} ))
    d=$(( t - ${prev[$p]:-$t} )); prev[$p]=$t
    line="$line $n=$((d*2))"
  done
  printf "%5.1f %s\n" $(echo "$(date +%s.%N) - $t0" | bc) "$line"
  sleep 0.5
done
