"""Issue 17, seventeenth round: from h17g's score. An activation defined in a sentence beside the cell
that applies it (`$\\sigma_g = \\frac{1}{1+e^{-x}}$`, in a letter of its own); a parameter declared
complex, counted two ways (two reals per entry, or one as torch's numel of a complex tensor): a reading
unless the text says. Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


DEFINED = r"""
$$ f_t = \sigma_g(W_fx_t + U_fh_{t-1} + b_f), \\ i_t = \sigma_g(W_ix_t + U_ih_{t-1} + b_i),
 \\ o_t = \sigma_g(W_ox_t + U_oh_{t-1} + b_o), \\ \overline{c}_t = \sigma_c(W_cx_t + U_ch_{t-1} + b_c),
 \\ c_t = f_t \odot c_{t-1} + i_t \odot \overline{c}_t, \\ h_t = o_t \odot \sigma_h(c_t),$$

where $\sigma_g = \frac{1}{1+e^{-x}}$ is the sigmoid, $\sigma_c = \frac{e^x - e^{-x}}{e^x + e^{-x}}$ the hyperbolic tangent.
"""


def test_an_activation_defined_in_a_sentence_is_no_signal_and_no_parameter():
    d = symcount.derive(DEFINED, name="g.md")
    for x, h in ((7, 5), (3, 11)):  # one bias per gate: torch's LSTMCell without its second bias
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.LSTMCell(x, h)) - 4 * h
    assert not any(p.name.startswith("e") for p in d.shapes.params)
    notes = [n for n in d.shapes.notes if "a function the cell applies" in n]
    assert len(notes) == 2 and "g.md:6:8" in notes[0]


COMPLEX = r"""$$ x_k = \lambda \odot x_{k-1} + B u_k \\ y_k = \Re(C x_k) + D u_k $$
where $u_k, y_k \in \mathbb{R}^{H}$, $x_k, \lambda \in \mathbb{C}^{N}$, $B \in \mathbb{C}^{N \times H}$,
$C \in \mathbb{C}^{H \times N}$, $D \in \mathbb{R}^{H \times H}$."""


def _ssm(n: int, h: int, dtype) -> nn.Module:
    m = nn.Module()
    m.lam = nn.Parameter(torch.zeros(n, dtype=dtype))
    m.B = nn.Parameter(torch.zeros(n, h, dtype=dtype))
    m.C = nn.Parameter(torch.zeros(h, n, dtype=dtype))
    m.D = nn.Parameter(torch.zeros(h, h))
    return m


def _as_reals(n: int, h: int) -> nn.Module:
    """LRU's way: each complex parameter stored as its real and imaginary parts."""
    m = nn.Module()
    for name, shape in (("lam", (n,)), ("B", (n, h)), ("C", (h, n))):
        setattr(m, name + "_re", nn.Parameter(torch.zeros(shape)))
        setattr(m, name + "_im", nn.Parameter(torch.zeros(shape)))
    m.D = nn.Parameter(torch.zeros(h, h))
    return m


def test_a_complex_parameter_is_a_reading_with_both_counts():
    with pytest.raises(SymcountError) as err:
        symcount.derive(COMPLEX)
    said = str(err.value)
    assert "--read complex=reals" in said and "--read complex=entries" in said
    for n, h in ((5, 7), (4, 3)):
        reals = symcount.derive(COMPLEX, read={"complex": "reals"})
        entries = symcount.derive(COMPLEX, read={"complex": "entries"})
        assert reals.evaluate(N=n, H=h) == n_params(_as_reals(n, h))
        assert entries.evaluate(N=n, H=h) == n_params(_ssm(n, h, torch.cfloat))
        assert any("as torch counts a complex tensor" in x for x in entries.shapes.notes)


@pytest.mark.parametrize("said", ["(each complex entry is stored as its real and imaginary parts)",
                                  "Complex parameters count two reals per entry."])
def test_a_text_that_says_how_a_complex_entry_is_stored_settles_it(said):
    d = symcount.derive(COMPLEX + "\n" + said)
    assert d.evaluate(N=5, H=7) == n_params(_as_reals(5, 7))
    assert any("as the text says" in x for x in d.shapes.notes)


CASES = """Reset and update gates (plain text, as a Rust doc comment writes them):
//! r_t = σ(W_r · [h_{t-1}, x_t] + b_r)
//! z_t = σ(W_z · [h_{t-1}, x_t] + b_z)
//! h̃_t = tanh(W_h · [r_t ⊙ h_{t-1}, x_t] + b_h)
//! h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t
//! • z_t = 1: Completely replace with new info
//! • z_t = 0: Keep old state entirely
"""


def test_a_line_that_sets_a_gate_to_a_number_then_says_what_that_does_is_a_case():
    d = symcount.derive(CASES, name="g.txt")
    for x, h in ((7, 5), (3, 11)):  # one bias per gate: torch's GRUCell without its second bias
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.GRUCell(x, h)) - 3 * h
    assert sum("(a case)" in n for n in d.shapes.notes) == 2


def test_a_case_alone_is_still_an_error():
    with pytest.raises(SymcountError):
        symcount.derive("z_t = 1: Completely replace with new info\n")


FC = r"""
$$
h_t = \mathrm{tanh}(W_x x_t + b_x + W_h h_{t-1} + b_h)
$$

$$
\begin{align}
h_t &= \mathrm{tanh}(\mathrm{fc}(x_t,h_{t-1})) \\
\mathrm{fc}(x,h) &= W_x x + b_x + W_h h + b_h
\end{align}
$$
"""


def test_a_linear_map_the_text_defines_is_read_as_defined():
    # fc is a linear map's word; the text's definition, after its use in the same block, says its weights
    d = symcount.derive(FC)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.RNNCell(x, h))
    assert {p.name for p in d.shapes.params} == {"W_x", "b_x", "W_h", "b_h"}


def test_a_norm_the_text_defines_keeps_its_own_reading():
    # LN's definition names \mu and \sigma, statistics of its input: never expanded as parameters
    text = (r"$$ h_t = \tanh(\mathrm{LN}(W x_t + U h_{t-1})) \\ \mathrm{LN}(z) = \gamma \odot (z - \mu) / \sigma + \beta $$")
    d = symcount.derive(text)
    assert not any(p.name in ("\\mu", "\\sigma") for p in d.shapes.params)


RUST = """```rust
fn forward(x_t: Array1<f64>, h_prev: Array1<f64>, C_prev: Array1<f64>) -> (Array1<f64>, Array1<f64>)
{
    let combined = concatenate(&[h_prev, x_t]);

    // Gates
    let f_t = sigmoid(W_f.dot(&combined) + b_f);
    let i_t = sigmoid(W_i.dot(&combined) + b_i);
    let o_t = sigmoid(W_o.dot(&combined) + b_o);
    let C_tilde = tanh(W_c.dot(&combined) + b_c);

    // Update cell state
    let C_t = f_t * C_prev + i_t * C_tilde;
    let h_t = o_t * tanh(C_t);
    (h_t, C_t)
}
```
"""


@pytest.mark.parametrize("text", [RUST, RUST.replace("let ", "val ").replace("&", "").replace("concatenate([h_prev, x_t])",
                                                                                          "scorch.cat(h_prev, x_t)")])
def test_code_that_declares_its_names_and_borrows_its_values(text):
    # Rust's `let` and `&combined`, Scala's `val` and a module's cat of two arguments: the same LSTM
    d = symcount.derive(text)
    for x, h in ((7, 5), (3, 11)):  # one bias per gate
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.LSTMCell(x, h)) - 4 * h
    assert not any(p.name in ("scorch", "combined") for p in d.shapes.params)


SHAPES = r"""$$r_t = \sigma(W_r \cdot [h_{t-1}, x_t] + b_r)$$
$$z_t = \sigma(W_z \cdot [h_{t-1}, x_t] + b_z)$$
$$h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tanh(W_h \cdot [r_t \odot h_{t-1}, x_t] + b_h)$$

"""


@pytest.mark.parametrize("said", [
    "| Gate | Weight | Bias |\n|---|---|---|\n| Reset | $W_r$: $n \\times (n+d)$ | $b_r$: $n$ |\n",
    "where $W_r$ is $n \\times (n + d)$.\n",
    "- $W_r$: $n \\times (n+d)$\n",
])
def test_a_shape_whose_columns_are_a_sum_names_the_sizes(said):
    d = symcount.derive(SHAPES + said)
    assert set(d.symbols) == {"n", "d"}
    for x, h in ((7, 5), (3, 11)):  # one bias per gate: torch's GRUCell without its second bias
        assert d.evaluate(n=h, d=x) == n_params(nn.GRUCell(x, h)) - 3 * h
