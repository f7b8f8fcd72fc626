"""What other counters say about one module, against symcount: the README's table of peers.

    pip install 'symcount[peers]'   (torch, torchinfo, thop, ptflops, calflops, transformers, fvcore)
    python benchmarks/peers.py

nn.LSTM(512, 256, num_layers=2, bidirectional=True) over T = 100 steps of a batch of 1, with and
without proj_size=128. A tool that is not installed, or fails, is reported as such. Each tool's
number is printed as the tool gives it.
"""
from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import warnings

warnings.filterwarnings("ignore")

T, B, D, H = 100, 1, 512, 256


def module(torch, proj: int):
    return torch.nn.LSTM(D, H, num_layers=2, bidirectional=True, proj_size=proj)


def quiet(fn):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return fn()


def tools(torch, proj: int) -> dict[str, str]:
    x = torch.randn(T, B, D)
    out: dict[str, str] = {}

    def attempt(name, fn):
        try:
            out[name] = quiet(fn)
        except Exception as exc:  # noqa: BLE001 (a peer's failure is a result too)
            out[name] = f"failed: {type(exc).__name__}: {str(exc)[:80]}"

    def torchinfo():
        import torchinfo as ti
        return f"{ti.summary(module(torch, proj), input_data=[x], verbose=0).total_mult_adds:,} mult-adds"

    def thop():
        import thop as th
        macs, _ = th.profile(module(torch, proj), inputs=(x,), verbose=False)
        return f"{int(macs):,} MACs"

    def ptflops():
        import ptflops as pf
        macs, _ = pf.get_model_complexity_info(module(torch, proj), (T, B, D), as_strings=False,
                                               print_per_layer_stat=False, input_constructor=lambda s: torch.randn(*s))
        return f"{int(macs):,} MACs (divided by its batch: the first input dimension, T)"

    def calflops():
        from calflops import calculate_flops
        flops, macs, _ = calculate_flops(model=module(torch, proj), args=[x], output_as_string=False,
                                         print_results=False)
        return f"{int(flops):,} FLOPs, {int(macs):,} MACs"

    def fvcore():
        from fvcore.nn import FlopCountAnalysis
        fa = FlopCountAnalysis(module(torch, proj), (x,))
        fa.unsupported_ops_warnings(False)
        fa.uncalled_modules_warnings(False)
        return f"{fa.total():,}"

    def flop_counter():
        from torch.utils.flop_counter import FlopCounterMode
        counter = FlopCounterMode(display=False)
        with counter:
            module(torch, proj)(x)
        return f"{counter.get_total_flops():,} FLOPs"

    for name, fn in [("torchinfo", torchinfo), ("thop", thop), ("ptflops", ptflops), ("calflops", calflops),
                     ("fvcore", fvcore), ("torch FlopCounterMode", flop_counter)]:
        attempt(name, fn)
    return out


def symcount_cost(proj: int) -> dict:
    argv = [sys.executable, "-m", "symcount", "cell", "lstmp" if proj else "lstm", "--set", f"d={D}", "--set",
            f"h={H}", "--layers", "2", "--bidirectional", "--cost", "--set", f"T={T}", "--set", f"B={B}",
            "--format", "json"] + (["--set", f"p={proj}"] if proj else [])
    return json.loads(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)["cost"]


def main() -> None:
    import torch
    for proj in (0, 128):
        print(f"nn.LSTM({D}, {H}, num_layers=2, bidirectional=True{f', proj_size={proj}' if proj else ''}), "
              f"T={T}, B={B}")
        for name, result in tools(torch, proj).items():
            print(f"  {name:22} {result}")
        cost = symcount_cost(proj)
        print(f"  {'symcount':22} {cost['macs']['value']:,} MACs, {cost['flops']['value']:,} FLOPs "
              f"({cost['flops']['breakdown']['matrix']['value']:,} in matrix products)")


if __name__ == "__main__":
    main()
