"""Writes test/fixtures/brian2-single-neuron.json: single-neuron traces simulated by Brian2
(2.5.1, numpy runtime target) for the tests of @neurite/brain4d's kernels.

Run from the package directory: /usr/bin/python3 scripts/brian2-fixtures.py
Cases (all in Brian2's own units converted to ms / mV / pA):
- lif: exact integration (method='exact'), CUBA synapses ge/gi in mV with tau 5 / 10 ms, a
  refractory period of 2 ms, input spikes from a SpikeGeneratorGroup (delay 0), and a
  current step of 20 mV (R·I) from 80 to 150 ms. dt = 0.1 ms, 200 ms.
- adex: Brette & Gerstner (2005) parameters, method='euler', dt = 0.1 ms, 800 pA from 20 to
  220 ms, v_peak = V_T + 5 Δ_T. 300 ms.
- izhikevich: the net.m scheme written as a run_regularly operation (two half steps of v,
  then u), dt = 1 ms, I = 10 for 300 ms, for each preset RS, IB, CH, FS, LTS, TC, RZ.
"""
import json
import os

import numpy as np
from brian2 import (NeuronGroup, SpikeGeneratorGroup, Synapses, StateMonitor, SpikeMonitor, Network, defaultclock, ms,
                    mV, pA, nS, pF, second, prefs, TimedArray)
import brian2

prefs.codegen.target = 'numpy'
out = {'brian2': brian2.__version__}

# --- LIF (CUBA) -------------------------------------------------------------
defaultclock.dt = 0.1 * ms
taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
El, Vt, Vr = -65 * mV, -50 * mV, -65 * mV
stim = TimedArray(np.r_[np.zeros(800), 20 * np.ones(700), np.zeros(500)] * mV, dt=0.1 * ms)
G = NeuronGroup(1, '''dv/dt = (ge + gi - (v - El) + stim(t)) / taum : volt (unless refractory)
                      dge/dt = -ge / taue : volt
                      dgi/dt = -gi / taui : volt''', threshold='v > Vt', reset='v = Vr', refractory=2 * ms,
                method='exact')
G.v = El
exc_times = [5, 10, 10.5, 30, 31, 32, 33, 34, 35, 36, 170]
inh_times = [60, 61, 175]
S_in = SpikeGeneratorGroup(2, [0] * len(exc_times) + [1] * len(inh_times), (exc_times + inh_times) * ms)
Se = Synapses(S_in, G, on_pre='ge += 6*mV')
Se.connect(i=0, j=0)
Si = Synapses(S_in, G, on_pre='gi += -5*mV')
Si.connect(i=1, j=0)
sm = StateMonitor(G, 'v', record=0)
sp = SpikeMonitor(G)
net = Network(G, S_in, Se, Si, sm, sp)
net.run(200 * ms)
out['lif'] = {
    'dt': 0.1, 'steps': 2000, 'exc_times': exc_times, 'exc_weight': 6, 'inh_times': inh_times, 'inh_weight': -5,
    'current': {'amplitude': 20, 'start': 80, 'stop': 150},
    'params': {'tau_m': 20, 'E_L': -65, 'v_th': -50, 'v_reset': -65, 't_ref': 2, 'tau_syn_ex': 5, 'tau_syn_in': 10},
    'v': (sm.v[0] / mV).tolist(), 'spike_steps': np.round(sp.t / defaultclock.dt).astype(int).tolist(),
}

# --- AdEx ---------------------------------------------------------------------
C, gL, EL2, VT, DeltaT, tauw, a, b = 281 * pF, 30 * nS, -70.6 * mV, -50.4 * mV, 2 * mV, 144 * ms, 4 * nS, 80.5 * pA
Vcut = VT + 5 * DeltaT
Iin = TimedArray(np.r_[np.zeros(200), 800 * np.ones(2000), np.zeros(800)] * pA, dt=0.1 * ms)
A = NeuronGroup(1, '''dvm/dt = (gL*(EL2 - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + Iin(t) - w)/C : volt
                      dw/dt = (a*(vm - EL2) - w)/tauw : amp''', threshold='vm > Vcut', reset='vm = EL2; w += b',
                method='euler')
A.vm = EL2
am = StateMonitor(A, ['vm', 'w'], record=0)
asp = SpikeMonitor(A)
net = Network(A, am, asp)
net.run(300 * ms)
out['adex'] = {
    'dt': 0.1, 'steps': 3000, 'current': {'amplitude': 800, 'start': 20, 'stop': 220},
    'v': (am.vm[0] / mV).tolist(), 'w': (am.w[0] / pA).tolist(),
    'spike_steps': np.round(asp.t / defaultclock.dt).astype(int).tolist(),
}

# --- Izhikevich presets (net.m scheme) ------------------------------------------
presets = {'RS': (0.02, 0.2, -65, 8), 'IB': (0.02, 0.2, -55, 4), 'CH': (0.02, 0.2, -50, 2), 'FS': (0.1, 0.2, -65, 2),
           'LTS': (0.02, 0.25, -65, 2), 'TC': (0.02, 0.25, -65, 0.05), 'RZ': (0.1, 0.26, -65, 2)}
out['izhikevich'] = {'dt': 1, 'steps': 300, 'I': 10, 'cases': {}}
for name, (pa, pb, pc, pd) in presets.items():
    defaultclock.dt = 1 * ms
    Z = NeuronGroup(1, '''v : 1
                          u : 1''', threshold='v >= 30', reset='v = c_; u += d_',
                    namespace={'c_': pc, 'd_': pd, 'a_': pa, 'b_': pb, 'I_': 10})
    Z.v = -65
    Z.u = pb * -65
    Z.run_regularly('''v += 0.5*(0.04*v**2 + 5*v + 140 - u + I_)
                       v += 0.5*(0.04*v**2 + 5*v + 140 - u + I_)
                       u += a_*(b_*v - u)''', dt=1 * ms, when='groups')
    zm = StateMonitor(Z, ['v', 'u'], record=0, when='end')
    zs = SpikeMonitor(Z)
    net = Network(Z, zm, zs)
    net.run(300 * ms)
    out['izhikevich']['cases'][name] = {
        'a': pa, 'b': pb, 'c': pc, 'd': pd, 'v': zm.v[0].tolist(), 'u': zm.u[0].tolist(),
        'spike_steps': np.round(zs.t / ms).astype(int).tolist(),
    }

path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'brian2-single-neuron.json')
with open(path, 'w') as f:
    json.dump(out, f)
print('wrote', path)
