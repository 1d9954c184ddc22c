#!/usr/bin/env python3
# CPU ticks per thread between two thread-cpu.sh snapshots, grouped by service and thread name.
# usage: thread-cpu-diff.py before.txt after.txt
import sys,collections,re
def load(f):
    d={}
    for l in open(f):
        p,cmd,tid,name,u,s=l.rstrip('\n').split('|')
        d[(p,tid)]=(cmd,name,int(u)+int(s))
    return d
a=load(sys.argv[1]); b=load(sys.argv[2])
agg=collections.Counter()
for k,(cmd,name,t) in b.items():
    t0=a.get(k,(0,0,0))[2]
    n=re.sub(r'[0-9]+','N',name)
    agg[(cmd,n)]+=t-t0
tot=sum(agg.values())
bycmd=collections.Counter()
for (c,n),v in agg.items(): bycmd[c]+=v
print("total ticks",tot, dict(bycmd))
for (c,n),v in agg.most_common(45):
    print(f"{v:6d} {100*v/tot:5.1f}% {c:22s} {n}")
