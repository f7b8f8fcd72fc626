"""symcount's closed forms for the counters that cannot count a fused recurrent module: torch's
FlopCounterMode, thop and fvcore give 0 (or a wrong number) for torch.nn.LSTM, GRU and RNN, whose
work is one fused operation. Each helper counts a call as symcount's formula for the cell at the
call's sizes: the matrix products' FLOPs (2 per multiply-accumulate, the convention of all three
counters), per layer and direction, over T steps of a batch of B.

    from torch.utils.flop_counter import FlopCounterMode
    import symcount.counters
    symcount.counters.register()                    # once: torch's registry of formulas
    with FlopCounterMode(display=False) as mode:
        torch.nn.LSTM(512, 256, 2, bidirectional=True)(torch.randn(100, 1, 512))
    mode.get_total_flops()                          # 629145600 = 2 x 314,572,800 MACs

or, without touching torch's registry, FlopCounterMode(custom_mapping=symcount.counters.flop_formulas()).
thop: profile(model, inputs, custom_ops=symcount.counters.thop_ops()); fvcore:
FlopCountAnalysis(model, inputs).set_op_handle(**symcount.counters.fvcore_handles()) (fvcore counts
one per multiply-accumulate: its handles give MACs). torch is imported on first use.
"""
from __future__ import annotations

from functools import lru_cache

KINDS = {"LSTM": "lstm", "GRU": "gru", "RNN_TANH": "rnn", "RNN_RELU": "rnn"}
GATES = {4: "lstm", 3: "gru", 1: "rnn"}


@lru_cache(maxsize=None)
def _cost(cell: str):
    from . import api
    return api.cell(cell).cost


def macs(cell: str, input_size: int, hidden_size: int, steps: int, batch: int) -> int:
    """symcount's MACs of one layer, one direction of a built-in cell, at these sizes."""
    return _cost(cell).evaluate(d=input_size, h=hidden_size, T=steps, B=batch)["macs"]


def stack_macs(cell: str, input_size: int, hidden_size: int, steps: int, batch: int, layers: int = 1,
               directions: int = 1) -> int:
    """The MACs of a stack: layer k > 1 reads the outputs of every direction of the layer below."""
    total = 0
    for k in range(layers):
        d = input_size if k == 0 else directions * hidden_size
        total += directions * macs(cell, d, hidden_size, steps, batch)
    return total


def _mkldnn_layer(input_shape, w_ih, w_hh, *args, out_shape=None, **kwargs) -> int:
    """aten.mkldnn_rnn_layer (torch's LSTM on the CPU): one layer, one direction."""
    batch_first = args[11] if len(args) > 11 else kwargs.get("batch_first", False)
    steps, batch = (input_shape[1], input_shape[0]) if batch_first else (input_shape[0], input_shape[1])
    if len(input_shape) == 2:
        steps, batch = input_shape[0], 1
    h = w_hh[1]
    return 2 * macs(GATES.get(w_ih[0] // h, "lstm"), w_ih[1], h, steps, batch)


def _fused(cell: str):
    """aten.lstm.input, aten.gru.input, aten.rnn_tanh.input: the whole stack in one call."""
    def formula(input_shape, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first,
                *rest, out_shape=None, **kwargs) -> int:
        steps, batch = (input_shape[1], input_shape[0]) if batch_first else (input_shape[0], input_shape[1])
        if len(input_shape) == 2:
            steps, batch = input_shape[0], 1
        w_ih, w_hh = params[0], params[1]
        return 2 * stack_macs(cell, w_ih[1], w_hh[1], steps, batch, num_layers, 2 if bidirectional else 1)
    return formula


def flop_formulas() -> dict:
    """aten operation (its overload packet) -> its FLOPs formula, for FlopCounterMode(custom_mapping=...)."""
    import torch
    aten = torch.ops.aten
    out = {aten.lstm: _fused("lstm"), aten.gru: _fused("gru"), aten.rnn_tanh: _fused("rnn"),
           aten.rnn_relu: _fused("rnn")}
    if hasattr(aten, "mkldnn_rnn_layer"):
        out[aten.mkldnn_rnn_layer] = _mkldnn_layer
    return out


def register() -> None:
    """Add the formulas to torch's registry (torch.utils.flop_counter.register_flop_formula), once."""
    from torch.utils.flop_counter import flop_registry, register_flop_formula
    for op, formula in flop_formulas().items():
        if op not in flop_registry:
            register_flop_formula(op)(formula)


def _module_macs(module, x) -> int:
    """The MACs of a torch.nn.LSTM, GRU or RNN on input x, by symcount's closed form."""
    mode = getattr(module, "mode", "LSTM")
    shape = tuple(x.shape)
    if len(shape) == 2:
        steps, batch = shape[0], 1
    else:
        steps, batch = (shape[1], shape[0]) if module.batch_first else (shape[0], shape[1])
    if mode == "LSTM" and getattr(module, "proj_size", 0):
        raise ValueError("symcount.counters counts LSTMs without projection; see the built-in cell lstmp")
    return stack_macs(KINDS[mode], module.input_size, module.hidden_size, steps, batch, module.num_layers,
                      2 if module.bidirectional else 1)


def thop_ops() -> dict:
    """custom_ops for thop.profile: module class -> hook(module, inputs, output) adding its count
    (thop counts MACs)."""
    import torch

    def hook(module, inputs, output):
        module.total_ops += torch.DoubleTensor([_module_macs(module, inputs[0])])
    return {torch.nn.LSTM: hook, torch.nn.GRU: hook, torch.nn.RNN: hook}


def fvcore_handles() -> dict:
    """op handles for fvcore's FlopCountAnalysis.set_op_handle: traced op name -> handle(inputs,
    outputs) giving its MACs (fvcore's unit)."""
    def handle(cell: str):
        def count(inputs, outputs):
            from fvcore.nn.jit_handles import get_shape
            x = get_shape(inputs[0])
            params = [get_shape(v) for v in inputs[2].node().inputs()] if hasattr(inputs[2], "node") else []
            num_layers = inputs[4].toIValue()
            bidirectional, batch_first = inputs[7].toIValue(), inputs[8].toIValue()
            steps, batch = (x[1], x[0]) if batch_first else (x[0], x[1])
            w_ih, w_hh = params[0], params[1]
            return stack_macs(cell, w_ih[1], w_hh[1], steps, batch, num_layers, 2 if bidirectional else 1)
        return count
    return {"aten::lstm": handle("lstm"), "aten::gru": handle("gru"), "aten::rnn_tanh": handle("rnn"),
            "aten::rnn_relu": handle("rnn")}
