"""Oracles for the h38d set-aside snippets (heldout38), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Apple MPS MPSRNNLayer.h (MacOSX10.13 SDK), MPSLSTMDescriptor; per gate g in {i,f,c,o}: Wg (h,x), Ug (h,h),
# full peephole Vg (h,h) (memoryWeightsAreDiagonal defaults to NO; "all U and V matrices have to be square"), bg (h);
# Count: 4*(x*h + h*h + h*h + h).
@_export
def h38d_mps_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "V" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))

        def _pre(self, g, xt, h0, c):
            return (xt @ getattr(self, "W" + g).T + h0 @ getattr(self, "U" + g).T
                    + c @ getattr(self, "V" + g).T + getattr(self, "b" + g))

        def forward(self, xt, h0, c0):
            I = torch.sigmoid(self._pre("i", xt, h0, c0))
            F = torch.sigmoid(self._pre("f", xt, h0, c0))
            C = torch.tanh(self._pre("c", xt, h0, c0))
            c1 = F * c0 + I * C
            O = torch.sigmoid(self._pre("o", xt, h0, c1))
            h1 = O * torch.tanh(c1)
            return h1, c1
    return Cell()


# Apple MPS MPSRNNLayer.h (MacOSX10.13 SDK), MPSGRUDescriptor; Wz,Wr,Wh (h,x); Uz,Ur,Uh (h,h); Vh (h,h) (written in
# the formula, square); bz,br,bh (h); p is a scalar hyper-parameter (gatePnormValue property, default 1.0), not learned;
# Count: 3*(x*h + h*h + h) + h*h.
@_export
def h38d_mps_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self, p=1.0):
            super().__init__()
            self.p = p
            for g in "zrh":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))
            self.Vh = _p(h, h)

        def forward(self, xt, h0):
            z = torch.sigmoid(xt @ self.Wz.T + h0 @ self.Uz.T + self.bz)
            r = torch.sigmoid(xt @ self.Wr.T + h0 @ self.Ur.T + self.br)
            c = (r * h0) @ self.Uh.T + (z * h0) @ self.Vh.T
            hh = torch.tanh(xt @ self.Wh.T + c + self.bh)
            h1 = (1 - z ** self.p) ** (1 / self.p) * h0 + z * hh
            return h1
    return Cell()


# Tensor2Tensor common_layers.sru docstring; per layer: W (d,d) no bias, Wf (d,d)+bf (d), Wr (d,d)+br (d), d = channels
# (output has the shape of x, highway term (1 - r_t) * x_t); num_layers stacked layers (default 2);
# Count: num_layers*(3*d*d + 2*d).
@_export
def h38d_t2t_sru(channels=5, num_layers=2):
    d = channels

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(d, d)
            self.Wf = _p(d, d)
            self.bf = _p(d)
            self.Wr = _p(d, d)
            self.br = _p(d)

        def forward(self, xt, c):
            xp = xt @ self.W.T
            f = torch.sigmoid(xt @ self.Wf.T + self.bf)
            r = torch.sigmoid(xt @ self.Wr.T + self.br)
            c = f * c + (1 - f) * xp
            h = r * torch.tanh(c) + (1 - r) * xt
            return h, c

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([Layer() for _ in range(num_layers)])

        def forward(self, xt, cs):
            new = []
            for layer, c in zip(self.layers, cs):
                xt, c = layer(xt, c)
                new.append(c)
            return xt, new

        def example_inputs(self, B):
            return (torch.randn(B, d), [torch.zeros(B, d) for _ in range(num_layers)])
    return Cell()


# Graphcore PopLibs popnn/Gru.hpp auGruFwd(); w_r,w_u,w_c (h,x); u_r,u_u,u_c (h,h); b_r,b_u,b_c (h); a_t is the
# attention score input (attScores), not learned; Count: 3*(x*h + h*h + h).
@_export
def h38d_poplibs_augru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ruc":
                setattr(self, "w_" + g, _p(h, x))
                setattr(self, "u_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp, a):
            r = torch.sigmoid(xt @ self.w_r.T + hp @ self.u_r.T + self.b_r)
            u = torch.sigmoid(xt @ self.w_u.T + hp @ self.u_u.T + self.b_u)
            c = torch.tanh(xt @ self.w_c.T + (r * hp) @ self.u_c.T + self.b_c)
            u = (1 - a) * u
            return u * hp + (1 - u) * c

        def example_inputs(self, B):
            return (torch.randn(B, x), torch.randn(B, h), torch.rand(B, 1))
    return Cell()


# Glow Graph.cpp createOnnxLSTM unrolled loop (ONNX LSTM); most plausible reading: inputForget == false (the
# declared default), biases and peepholes present, one direction: Wi,Wo,Wf,Wc (h,x); Ri,Ro,Rf,Rc (h,h);
# bW* and bR* (h) each; diagonal peepholes Pi,Po,Pf (h); Count: 4*(x*h + h*h + 2*h) + 3*h.
# (refuse: peepholes are optional (if (Pf)), inputForget drops Wi/Ri/bWi/bRi/Pi, directions not fixed.)
@_export
def h38d_glow_onnxlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "iofc":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "R" + g, _p(h, h))
                setattr(self, "bW" + g, _p(h))
                setattr(self, "bR" + g, _p(h))
            for g in "iof":
                setattr(self, "P" + g, _p(h))

        def _fc(self, g, xt, ht):
            return (xt @ getattr(self, "W" + g).T + getattr(self, "bW" + g)
                    + ht @ getattr(self, "R" + g).T + getattr(self, "bR" + g))

        def forward(self, xt, ht, ct):
            ft = torch.sigmoid(self._fc("f", xt, ht) + self.Pf * ct)
            ctild = torch.tanh(self._fc("c", xt, ht))
            it = torch.sigmoid(self._fc("i", xt, ht) + self.Pi * ct)
            ct = ft * ct + it * ctild
            ot = torch.sigmoid(self._fc("o", xt, ht) + self.Po * ct)
            ht = ot * torch.tanh(ct)
            return ht, ct
    return Cell()


# ReservoirComputing.jl ESNCell docstring; reading: the equation's W_in (out,in), W_r (out,out) and b (out) (a bias
# written is a bias counted); alpha is the leak_coefficient keyword (not learned);
# Count: in*out + out*out + out.  (refuse: use_bias defaults to false, so the listed Parameters are only W_in and
# W_res; and in an echo state network the reservoir and input matrices are fixed, not trained.)
@_export
def h38d_rcjl_esncell(in_dims=7, out_dims=5):
    class Cell(nn.Module):
        def __init__(self, alpha=1.0):
            super().__init__()
            self.alpha = alpha
            self.W_in = _p(out_dims, in_dims)
            self.W_r = _p(out_dims, out_dims)
            self.b = _p(out_dims)

        def forward(self, u, x):
            return (1 - self.alpha) * x + self.alpha * torch.tanh(u @ self.W_in.T + x @ self.W_r.T + self.b)

        def example_inputs(self, B):
            return (torch.randn(B, in_dims), torch.randn(B, out_dims))
    return Cell()


# Apache TVM Relax TFLite frontend convert_lstm docstring (coupled input-forget LSTM); W_f,W_c,W_o (num_units,input_size);
# R_f,R_c,R_o (num_units,num_units); b_f,b_c,b_o (num_units); i = 1 - f has no weights; peephole/projection/layer-norm
# tensors are declared not supported; Count: 3*(input_size*num_units + num_units^2 + num_units).
@_export
def h38d_tvm_tflite_cifg(input_size=7, num_units=5):
    x, h = input_size, num_units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fco":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp, c_prev):
            f = torch.sigmoid(xt @ self.W_f.T + hp @ self.R_f.T + self.b_f)
            i = 1 - f
            g = torch.tanh(xt @ self.W_c.T + hp @ self.R_c.T + self.b_c)
            o = torch.sigmoid(xt @ self.W_o.T + hp @ self.R_o.T + self.b_o)
            c_new = f * c_prev + i * g
            h_new = o * torch.tanh(c_new)
            return h_new, c_new

        def example_inputs(self, B):
            return (torch.randn(B, x), torch.randn(B, h), torch.randn(B, h))
    return Cell()


# Sockeye layers.SSRU (Simpler Simple Recurrent Unit); W1 (d,d) + b (d) for the forget gate (Linear, bias=True),
# W2 (d,d) without bias (Linear, bias=False), d = model_size; weights shared over t; Count: 2*d*d + d.
@_export
def h38d_sockeye_ssru(model_size=5):
    d = model_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.forget_gate = nn.Linear(d, d, bias=True)
            self.linear = nn.Linear(d, d, bias=False)

        def forward(self, xt, c):
            f = torch.sigmoid(self.forget_gate(xt))
            c = f * c + (1 - f) * self.linear(xt)
            return torch.relu(c), c

        def example_inputs(self, B):
            return (torch.randn(B, d), torch.randn(B, d))
    return Cell()


# Apache TVM Relax TFLite frontend convert_unidirectional_sequence_rnn docstring; W (num_units,input_size),
# Wr (num_units,num_units), b (num_units); Count: input_size*num_units + num_units^2 + num_units.
@_export
def h38d_tvm_tflite_rnn(input_size=7, num_units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(num_units, input_size)
            self.Wr = _p(num_units, num_units)
            self.b = _p(num_units)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W.T + hp @ self.Wr.T + self.b)

        def example_inputs(self, B):
            return (torch.randn(B, input_size), torch.randn(B, num_units))
    return Cell()


# RecBole dien.AGRUCell; reading used by the oracle: the parameters the computation uses (reset gate and candidate):
# W_ir,W_ih (h,x); W_hr,W_hh (h,h); b_ir,b_ih,b_hr,b_hh (h); a_t is the attention input;
# Count: 2*(x*h + h*h + 2*h).  (refuse: the module allocates weight_ih (3h,x), weight_hh (3h,h) and 3h-biases, i.e.
# also the update-gate W_iu, W_hu, b_iu, b_hu that the forward never uses -> 3*(x*h + h*h + 2*h) if one counts them.)
@_export
def h38d_recbole_agru(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_ih = _p(h, x), _p(h, x)
            self.W_hr, self.W_hh = _p(h, h), _p(h, h)
            self.b_ir, self.b_ih, self.b_hr, self.b_hh = _p(h), _p(h), _p(h), _p(h)

        def forward(self, xt, hp, a):
            r = torch.sigmoid(xt @ self.W_ir.T + self.b_ir + hp @ self.W_hr.T + self.b_hr)
            n = torch.tanh(xt @ self.W_ih.T + self.b_ih + r * (hp @ self.W_hh.T + self.b_hh))
            return (1 - a) * hp + a * n

        def example_inputs(self, B):
            return (torch.randn(B, x), torch.randn(B, h), torch.rand(B, 1))
    return Cell()


# Intel Distiller DistillerLSTMCell (code only): fc_gate_x = Linear(x, 4h, bias=True), fc_gate_h = Linear(h, 4h,
# bias=True); Count: 4*(x*h + h*h + 2*h).
@_export
def h38d_distiller_lstmcell(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc_gate_x = nn.Linear(x, 4 * h, bias=True)
            self.fc_gate_h = nn.Linear(h, 4 * h, bias=True)

        def forward(self, xt, hp, cp):
            i, f, g, o = torch.chunk(self.fc_gate_x(xt) + self.fc_gate_h(hp), 4, dim=1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * cp + i * g
            return o * torch.tanh(c), c

        def example_inputs(self, B):
            return (torch.randn(B, x), torch.randn(B, h), torch.randn(B, h))
    return Cell()
