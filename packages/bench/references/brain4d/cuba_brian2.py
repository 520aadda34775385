"""CUBA (Brette et al. 2007, benchmark 2) in Brian2's own example form, C++ standalone, one thread.

Prints one JSON line: {"rtf", "run_s", "runs_s", "binary_cpu_s", "rates": {"exc", "inh"}, "duration_s", "brian2"}.
The project is generated and compiled once, then its binary is run `repeats` times: runs_s are
Brian2's own measurements of the network run (device._last_run_time, which the generated
network.cpp takes with std::clock(): process CPU time, not wall time), without code generation
and compilation; run_s their minimum (rtf = run_s / duration); binary_cpu_s the smallest CPU
time (user + system) of a whole binary run (its initialisation and synapse creation included).
Usage: python3 cuba_brian2.py [duration_s=10] [seed=1] [repeats=1]
"""
import json
import resource
import sys
import tempfile
import time

from brian2 import (NeuronGroup, Synapses, SpikeMonitor, defaultclock, device, ms, mV, run, second, seed, set_device,
                    prefs)
import brian2

duration = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
rng_seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
directory = tempfile.mkdtemp(prefix='brain4d-cuba-')
set_device('cpp_standalone', directory=directory, build_on_run=False)
prefs.devices.cpp_standalone.openmp_threads = 0
seed(rng_seed)
defaultclock.dt = 0.1 * ms
taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(4000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'
P.ge = 0 * mV
P.gi = 0 * mV
we = (60 * 0.27 / 10) * mV
wi = (-20 * 4.5 / 10) * mV
Ce = Synapses(P, P, on_pre='ge += we')
Ci = Synapses(P, P, on_pre='gi += wi')
Ce.connect('i<3200', p=0.02)
Ci.connect('i>=3200', p=0.02)
s_mon = SpikeMonitor(P)
run(duration * second)
t0 = time.perf_counter()
device.build(directory=directory, compile=True, run=False, debug=False)
runs = []
cpus = []
for _ in range(repeats):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    device.run(directory, False, [])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    runs.append(float(device._last_run_time))
    cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
wall = time.perf_counter() - t0
run_s = min(runs)
i = s_mon.i[:]
exc = float((i < 3200).sum()) / 3200 / duration
inh = float((i >= 3200).sum()) / 800 / duration
print(json.dumps({'rtf': run_s / duration, 'run_s': run_s, 'runs_s': runs, 'binary_cpu_s': min(cpus), 'build_and_run_s': wall, 'rates': {'exc': exc, 'inh': inh},
                  'duration_s': duration, 'brian2': brian2.__version__}))
