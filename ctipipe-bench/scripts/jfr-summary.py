#!/usr/bin/env python3
import os,sys,subprocess,re,collections
# Sums up a JFR recording: samples by thread, top frames, first io.ctipipe frame, inclusive classes.
# usage: JFR=/path/to/jdk21+/bin/jfr jfr-summary.py recording.jfr
f=sys.argv[1]; depth=int(sys.argv[2]) if len(sys.argv)>2 else 1
out=subprocess.run([os.environ.get('JFR', 'jfr'),'print','--stack-depth','64','--events','jdk.ExecutionSample',f],capture_output=True,text=True).stdout
samples=out.split('jdk.ExecutionSample {')[1:]
thr=collections.Counter(); top=collections.Counter(); ours=collections.Counter(); incl=collections.Counter()
for s in samples:
    m=re.search(r'sampledThread = "([^"]*)"',s); t=re.sub(r'\d+','N',m.group(1)) if m else '?'
    frames=re.findall(r'^\s+([\w$.<>]+)\(.*?\)\s+line:',s,re.M)
    thr[t]+=1
    if frames: top[frames[0]]+=1
    o=next((x for x in frames if x.startswith('io.ctipipe')),None)
    ours[(t,o)]+=1
    seen=set()
    for x in frames:
        k='.'.join(x.split('.')[:-1]) if depth==1 else x
        if k not in seen: incl[k]+=1; seen.add(k)
n=len(samples); print("samples",n)
print("-- threads"); [print(f"{v:5d} {100*v/n:5.1f}% {k}") for k,v in thr.most_common(8)]
print("-- top frames"); [print(f"{v:5d} {100*v/n:5.1f}% {k}") for k,v in top.most_common(25)]
print("-- first io.ctipipe frame"); [print(f"{v:5d} {100*v/n:5.1f}% {k}") for k,v in ours.most_common(25)]
print("-- inclusive classes"); [print(f"{v:5d} {100*v/n:5.1f}% {k}") for k,v in incl.most_common(40)]
