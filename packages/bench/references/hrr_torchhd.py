#!/usr/bin/env python3
"""torchhd side of the bench suite `hrr` (Level+Random MNIST encoding, OnlineHD, resonator).

Runs torchhd from a source checkout named by the environment variable TORCHHD_SRC (the
repository root of hyperdimensional-computing/torchhd; nothing of it is vendored here) on
/usr/bin/python3 with torch. Prints one JSON object; prints {"error": ...} and exits 2 when
torchhd or the MNIST file is unavailable, so the bench omits the reference fields.

  TORCHHD_SRC=/tmp/torchhd /usr/bin/python3 hrr_torchhd.py --mnist split.bin [--dim 10000]
      [--epochs 2] [--encode-samples 1000] [--quick]

split.bin: the project's fixed MNIST split as exported by the bench (float32 train images
[7996, 784], uint8 train labels, float32 test images [2004, 784], uint8 test labels).
"""
import argparse
import json
import os
import sys
import time
import types


def fail(msg):
    print(json.dumps({"error": msg}))
    sys.exit(2)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mnist", required=True)
    p.add_argument("--dim", type=int, default=10000)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--encode-samples", type=int, default=1000)
    p.add_argument("--resonator-dim", type=int, default=2000)
    p.add_argument("--resonator-items", type=int, default=100)
    p.add_argument("--resonator-trials", type=int, default=10)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--classifiers", default="", help="comma list of torchhd.classifiers names to train and test (only these run)")
    p.add_argument("--clf-epochs", type=int, default=3)
    a = p.parse_args()
    src = os.environ.get("TORCHHD_SRC")
    if not src or not os.path.isdir(os.path.join(src, "torchhd")):
        fail("TORCHHD_SRC is not set to a torchhd checkout")
    sys.path.insert(0, src)
    # torchhd.datasets imports pandas at import time; none of it is used here
    try:
        import pandas  # noqa: F401
    except ImportError:
        sys.modules["pandas"] = types.ModuleType("pandas")
    try:
        import numpy as np
        import torch
        import torchhd
        from torchhd import embeddings, functional
        from torchhd.classifiers import OnlineHD
    except Exception as e:  # noqa: BLE001
        fail(f"cannot import torchhd/torch: {e}")
    torch.manual_seed(0)
    torch.set_num_threads(1)
    raw = np.fromfile(a.mnist, dtype=np.uint8)
    ntr, nte, F = 7996, 2004, 784
    off = 0

    def take(count, dtype):
        nonlocal off
        size = count * np.dtype(dtype).itemsize
        out = raw[off : off + size].view(dtype)
        off += size
        return out

    xtr = torch.from_numpy(take(ntr * F, np.float32).reshape(ntr, F).copy())
    ytr = torch.from_numpy(take(ntr, np.uint8).astype(np.int64))
    xte = torch.from_numpy(take(nte * F, np.float32).reshape(nte, F).copy())
    yte = torch.from_numpy(take(nte, np.uint8).astype(np.int64))
    D = a.dim
    out = {"torch": torch.__version__, "torchhd": torchhd.__version__, "dim": D, "threads": 1}
    if a.classifiers:
        # torchhd.classifiers with their default hyperparameters except the epoch count, on the same
        # split (raw pixels in [0, 1], training order shuffled by the DataLoader), one result each
        import inspect

        from torchhd import classifiers as C

        res = {}
        for name in a.classifiers.split(","):
            cls = getattr(C, name)
            kw = {}
            if "epochs" in inspect.signature(cls.__init__).parameters:
                kw["epochs"] = a.clf_epochs
            try:
                torch.manual_seed(0)
                model = cls(F, D, 10, **kw)
                loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(xtr, ytr), batch_size=32, shuffle=True)
                t = time.perf_counter()
                model.fit(loader)
                fit_s = time.perf_counter() - t
                with torch.no_grad():
                    acc = float((model.predict(xte) == yte).float().mean())
                res[name] = {"accuracy": acc, "fit_s": fit_s, **kw}
            except Exception as e:  # noqa: BLE001
                res[name] = {"error": f"{type(e).__name__}: {e}"}
            # one line per classifier on stderr as it finishes (a long run keeps what it got)
            print(json.dumps({name: res[name]}), file=sys.stderr, flush=True)
        out["classifiers"] = res
        print(json.dumps(out))
        return

    # 1. torchhd's MNIST example encoder: Random position keys, Level values (256 levels), MAP,
    #    hash_table (Σ key ⊙ level) then hard_quantize
    position = embeddings.Random(F, D, vsa="MAP")
    value = embeddings.Level(256, D, vsa="MAP")
    n = min(a.encode_samples if not a.quick else 200, ntr)
    batch = max(1, (1 << 24) // (F * D))
    t = time.perf_counter()
    with torch.no_grad():
        for s in range(0, n, batch):
            x = xtr[s : s + batch]
            hv = functional.hash_table(position.weight, value(x))
            functional.hard_quantize(hv)
    out["encode_samples_per_s"] = n / (time.perf_counter() - t)
    out["encode_samples"] = n

    # 2. OnlineHD (torchhd.classifiers.OnlineHD: Sinusoid encoder + Centroid.add_online) on unit-norm images
    def unit(x):
        return x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)

    epochs = 1 if a.quick else a.epochs
    model = OnlineHD(F, D, 10, epochs=epochs)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(unit(xtr), ytr), batch_size=32, shuffle=True)
    t = time.perf_counter()
    with torch.no_grad():
        model.fit(loader)
    out["onlinehd_epoch_s"] = (time.perf_counter() - t) / epochs
    out["onlinehd_epochs"] = epochs
    with torch.no_grad():
        pred = model(unit(xte)).argmax(1)
    out["onlinehd_accuracy"] = float((pred == yte).float().mean())
    out["onlinehd_accuracy_pct"] = 100 * out["onlinehd_accuracy"]

    # 3. resonator: 3 factors × M items, MAP, D = resonator_dim; iterate torchhd.resonator to a fixed point
    Dr, M = a.resonator_dim, a.resonator_items
    trials = 2 if a.quick else a.resonator_trials
    g = torch.Generator().manual_seed(1)
    solved, iters, secs = 0, 0, 0.0
    for trial in range(trials):
        books = torchhd.random(3 * M, Dr, "MAP", generator=g).reshape(3, M, Dr)
        truth = torch.randint(0, M, (3,), generator=g)
        s = torchhd.bind(torchhd.bind(books[0, truth[0]], books[1, truth[1]]), books[2, truth[2]])
        est = torchhd.normalize(torchhd.multiset(books))
        t = time.perf_counter()
        prev = None
        stable = 0
        for it in range(100):
            est = torchhd.resonator(s, est, books)
            idx = torchhd.dot_similarity(est.unsqueeze(-2), books).squeeze(-2).argmax(-1)
            stable = stable + 1 if prev is not None and torch.equal(idx, prev) else 0
            prev = idx
            if stable >= 3:
                break
        secs += time.perf_counter() - t
        iters += it + 1
        solved += int(torch.equal(prev, truth))
    out["resonator_ms"] = 1000 * secs / trials
    out["resonator_iterations"] = iters / trials
    out["resonator_accuracy"] = solved / trials
    out["resonator_trials"] = trials
    print(json.dumps(out))


if __name__ == "__main__":
    main()
