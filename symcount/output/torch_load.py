"""Tensors to check (symcount.output.torch_check): a state_dict read from a file (torch.save, read
with torch.load(weights_only=True); .safetensors when the safetensors package is installed), or
built by a module class the user names. torch is imported here, on first use."""
from __future__ import annotations

import importlib
import json
from collections.abc import Mapping

from ..errors import UsageError


def read_state_dict(path: str) -> dict:
    """name -> tensor, from a torch.save file or a .safetensors file."""
    import torch
    if path.endswith(".safetensors"):
        try:
            from safetensors.torch import load_file
        except ImportError:
            raise UsageError(f"{path} is a .safetensors file, and the safetensors package is not installed",
                             hint="pip install safetensors, or save the state_dict with torch.save") from None
        try:
            return dict(load_file(path))
        except Exception as exc:  # the package's own errors for a file that is not safetensors
            raise UsageError(f"cannot read {path}: {exc}") from None
    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise UsageError(f"cannot read {path}: no such file") from None
    except Exception as exc:  # not a torch.save file, or one that holds more than tensors
        raise UsageError(f"cannot read {path} as a state_dict: {str(exc).splitlines()[0] if str(exc) else exc}",
                         hint="save it with torch.save(module.state_dict(), path)") from None
    if isinstance(data, Mapping) and isinstance(data.get("state_dict"), Mapping):
        data = data["state_dict"]
    if not isinstance(data, Mapping) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                               for k, v in data.items()):
        raise UsageError(f"{path} does not hold a state_dict (names and tensors)",
                         hint="save it with torch.save(module.state_dict(), path)")
    return dict(data)


def build_state_dict(spec: str, args: str | None) -> dict:
    """The state_dict of pkg.mod:Class(*args) (a JSON list) or Class(**args) (a JSON object)."""
    import torch
    if ":" not in spec:
        raise UsageError(f"--module takes pkg.mod:Class, not {spec!r}", hint="e.g. torch.nn:LSTM --args '[37, 23]'")
    mod_name, _, attr = spec.partition(":")
    try:
        parsed = json.loads(args) if args is not None else []
    except ValueError as exc:
        raise UsageError(f"--args is not JSON: {exc}", hint="e.g. --args '[37, 23]' or --args '{\"input_size\": 37}'") from None
    try:
        cls = getattr(importlib.import_module(mod_name), attr)
    except (ImportError, AttributeError) as exc:
        raise UsageError(f"cannot import {spec}: {exc}") from None
    try:
        module = cls(**parsed) if isinstance(parsed, dict) else cls(*parsed) if isinstance(parsed, list) else cls(parsed)
    except Exception as exc:
        raise UsageError(f"{spec} cannot be built with {args}: {type(exc).__name__}: {exc}") from None
    if not isinstance(module, torch.nn.Module):
        raise UsageError(f"{spec} is not a torch.nn.Module")
    return dict(module.state_dict())
