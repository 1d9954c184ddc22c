#!/bin/bash
# single-core calibration: seconds for a fixed python loop
python3 -c "
import time
t=time.time()
s=0
for i in range(20000000): s+=i*i
print(f'calib {time.time()-t:.2f}s')"
