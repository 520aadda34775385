"""Reads a SONATA circuit written by `neurite-brain4d export NET.json --sonata DIR` with h5py,
builds the same network in Brian2 (C++ standalone, one thread) and prints the population rates
as one JSON line: {"rates": {population: Hz}, "synapses", "run_s", "duration_s"}.

NEST (which reads SONATA natively through nest.SonataNetwork) is not installable on the machine
this was written on; this script stands in for it and implements the NEST models the export
uses with NEST's equations:
- nest:iaf_psc_exp: dV/dt = −(V − E_L)/τ_m + (I_ex + I_in + I_e)/C_m, dI_x/dt = −I_x/τ_syn_x,
  V ≥ V_th → spike, V = V_reset, V clamped for t_ref; positive weights go to I_ex, negative to I_in
  (pA), as NEST routes them by sign.
Delays: NEST's delay d (ms) lets a spike of step t first act in the update of step t + d/dt;
Brian2 applies on_pre at step t + delay after the update, so delay = d − dt here.
Usage: python3 sonata_brian2.py DIR [duration_s=10] [seed=1]
"""
import csv
import json
import os
import sys
import tempfile

import h5py
import numpy as np
from brian2 import NeuronGroup, Synapses, SpikeMonitor, defaultclock, device, ms, mV, pA, pF, second, seed, set_device, prefs

base = sys.argv[1]
duration = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
seed(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
sim_cfg = json.load(open(os.path.join(base, 'simulation_config.json')))
dt = sim_cfg['run']['dt']
set_device('cpp_standalone', directory=tempfile.mkdtemp(prefix='brain4d-sonata-'), build_on_run=False)
prefs.devices.cpp_standalone.openmp_threads = 0
defaultclock.dt = dt * ms

def read_types(path):
    with open(path) as f:
        rows = list(csv.reader(f, delimiter=' '))
    head = rows[0]
    return {int(r[0]): dict(zip(head, r)) for r in rows[1:] if r}

node_types = read_types(os.path.join(base, 'network', 'node_types.csv'))
groups = {}
monitors = {}
with h5py.File(os.path.join(base, 'network', 'nodes.h5'), 'r') as f:
    for pop, g in f['nodes'].items():
        type_id = int(g['node_type_id'][0])
        t = node_types[type_id]
        if t['model_template'] != 'nest:iaf_psc_exp':
            raise SystemExit(f'{pop}: {t["model_template"]} is not implemented by this reference (iaf_psc_exp only)')
        p = json.load(open(os.path.join(base, 'components', 'point_neuron_models_dir', t['dynamics_params'])))
        n = len(g['node_type_id'])
        ns = {k: p[k] for k in p}
        eqs = '''dV/dt = -(V - E_L*mV)/(tau_m*ms) + (I_ex + I_in + I_e*pA)/(C_m*pF) : volt (unless refractory)
                 dI_ex/dt = -I_ex/(tau_syn_ex*ms) : amp
                 dI_in/dt = -I_in/(tau_syn_in*ms) : amp'''
        G = NeuronGroup(n, eqs, threshold='V >= V_th*mV', reset='V = V_reset*mV', refractory=p['t_ref'] * ms, method='exact',
                        namespace=ns, name=f'pop_{pop}')
        G.V = np.asarray(g['0/dynamics_params/V_m'][:]) * mV
        groups[pop] = G
        monitors[pop] = SpikeMonitor(G)

synapses = []
count = 0
with h5py.File(os.path.join(base, 'network', 'edges.h5'), 'r') as f:
    for name, g in f['edges'].items():
        src = g['source_node_id']
        tgt = g['target_node_id']
        S = Synapses(groups[src.attrs['node_population']], groups[tgt.attrs['node_population']], 'w : 1',
                     on_pre='I_ex += clip(w, 0, inf)*pA\nI_in += clip(w, -inf, 0)*pA', name=f'syn_{name}')
        S.connect(i=np.asarray(src[:]), j=np.asarray(tgt[:]))
        S.w = np.asarray(g['0/syn_weight'][:])
        S.delay = (np.asarray(g['0/delay'][:]) - dt) * ms
        synapses.append(S)
        count += len(src)

from brian2 import Network
net = Network(list(groups.values()), list(monitors.values()), synapses)
net.run(duration * second)
device.build(compile=True, run=True, debug=False)
rates = {pop: float(len(monitors[pop].i[:])) / len(groups[pop]) / duration for pop in groups}
print(json.dumps({'rates': rates, 'synapses': count, 'run_s': float(device._last_run_time), 'duration_s': duration}))
