#!/bin/bash
# usage: thread-cpu.sh > snapshot.txt  (per-thread CPU ticks of every java process)
for p in $(pgrep java); do
  cmd=$(tr "\0" " " < /proc/$p/cmdline | grep -o "Ctipipe [a-z]*\|ctipipe-bench.jar --work" | tail -1)
  for t in /proc/$p/task/*; do
    read -r line < $t/stat 2>/dev/null || continue
    name=$(cat $t/comm 2>/dev/null)
    rest=${line##*) }
    set -- $rest
    echo "$p|$cmd|${t##*/}|$name|${12}|${13}"
  done
done
