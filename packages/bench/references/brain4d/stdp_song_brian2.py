"""Song, Miller & Abbott (2000) STDP as in Brian2's example (examples/synapses/STDP.py),
C++ standalone. Prints one JSON line: final weight fractions (w/gmax < 0.1, > 0.9, mean),
the postsynaptic rate over the last 10 s and over the whole run, and Brian2's run time.
Usage: python3 stdp_song_brian2.py [duration_s=100] [seed=1]
"""
import json
import sys
import tempfile

import numpy as np
from brian2 import (NeuronGroup, PoissonGroup, Synapses, SpikeMonitor, device, ms, mV, Hz, run, second, seed, set_device,
                    defaultclock)

duration = float(sys.argv[1]) if len(sys.argv) > 1 else 100.0
rng_seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
directory = tempfile.mkdtemp(prefix='brain4d-stdp-')
set_device('cpp_standalone', directory=directory, build_on_run=False)
seed(rng_seed)
defaultclock.dt = 0.1 * ms
N = 1000
taum = 10 * ms
taupre = 20 * ms
taupost = taupre
Ee = 0 * mV
vt = -54 * mV
vr = -60 * mV
El = -74 * mV
taue = 5 * ms
F = 15 * Hz
gmax = .01
dApre = .01
dApost = -dApre * taupre / taupost * 1.05
dApost *= gmax
dApre *= gmax
eqs_neurons = '''
dv/dt = (ge * (Ee-v) + El - v) / taum : volt
dge/dt = -ge / taue : 1
'''
poisson_input = PoissonGroup(N, rates=F)
neurons = NeuronGroup(1, eqs_neurons, threshold='v>vt', reset='v = vr', method='euler')
neurons.v = vr
S = Synapses(poisson_input, neurons,
             '''w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)''',
             on_pre='''ge += w
                    Apre += dApre
                    w = clip(w + Apost, 0, gmax)''',
             on_post='''Apost += dApost
                     w = clip(w + Apre, 0, gmax)''',
             )
S.connect()
S.w = 'rand() * gmax'
mon = SpikeMonitor(neurons)
run(duration * second)
device.build(directory=directory, compile=True, run=True, debug=False)
w = np.asarray(S.w[:]) / gmax
t = np.asarray(mon.t[:] / second)
print(json.dumps({
    'below_0.1': float((w < 0.1).mean()), 'above_0.9': float((w > 0.9).mean()), 'mean': float(w.mean()),
    'post_rate_last10s': float((t >= duration - 10).sum() / 10), 'post_rate': float(len(t) / duration),
    'run_s': float(device._last_run_time), 'duration_s': duration,
}))
