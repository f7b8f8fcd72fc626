"""Issue 17, eighteenth round: from h18b's score, the notations of Andrew Ng's sequence-models course and
the notes written on it. The time in angle brackets without braces (`c^<t-1>`), a layer's index in brackets
(`W^{[l]}`) and a layer and a time in one superscript (`a^{[l]<t-1>}`), `\\space` between a function and
its argument, a stacked left side written as an array in parentheses, and a brace that groups a list of
gates (`\\left\\{ \\begin{array}{ll} ... \\end{array} \\right.`). Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def gates(inputs: int, out: int, n: int, bias: bool = True) -> list:
    """n gates, each one linear map of the concatenated inputs (Ng's W_u [c^<t-1>, x^<t>] + b_u)."""
    return [nn.Linear(inputs, out, bias=bias) for _ in range(n)]


PLAIN_ANGLES = r"""The equations are below:

    ```
    \tilde{c}^<t> = tanh(W_c [c^<t-1>, x^<t>] + b_c)
    \Gamma_u = \sigma(W_u [c^<t-1>, x^<t>] + b_u)
    \Gamma_f = \sigma(W_f[c^<t-1>, x^<t>] + b_f)
    \Gamma_o = \sigma(W_o[c^<t-1>, x^<t>] + b_o)
    c^<t> = \Gamma_u * \tilde{c}^<t> + \Gamma_f * c^<t-1>
    a^<t> = \Gamma_o * tanh(c^<t>).
    ```
"""


def test_the_time_in_angle_brackets_without_braces():
    d = symcount.derive(PLAIN_ANGLES, name="c5.md")
    assert d.shapes.input == "x"
    for x, c in ((7, 5), (3, 11)):  # four gates on [c^<t-1>, x^<t>], one bias each
        assert d.evaluate(d_x=x, d_c=c) == n_params(*gates(x + c, c, 4))


def test_a_comparison_is_no_angle_bracketed_time():
    with pytest.raises(SymcountError):  # x^< t is not a time: the angle is never closed
        symcount.derive(r"$$ h_t = \tanh(W x^<t + U h_{t-1}) $$", name="cmp.md")


LAYERED = r"""**Formula:**
$$a^{[l]<t>} = \tanh(W_a^{[l]} [a^{[l]<t-1>}, x^{<t>}] + b_a^{[l]})$$
"""


def test_a_layer_and_a_time_in_one_superscript():
    d = symcount.derive(LAYERED, name="deep.md")
    assert {p.name for p in d.shapes.params} == {"W_a^{(l)}", "b_a^{(l)}"}  # as W_a^{(l)} writes it
    state = str(d.shapes.signal("a^{(l)}").dim)  # named as a^{(l)} (no layer below: the index is kept)
    for x, a in ((7, 5), (4, 9)):
        assert d.evaluate(**{"d_x": x, state: a}) == n_params(nn.RNN(x, a, bias=True)) - a  # one bias, not two


def test_the_layer_below_in_brackets_is_the_layers_input():
    text = r"$$a^{[l]<t>} = g(W_a^{[l]} [a^{[l]<t-1>}, a^{[l-1]<t>}] + b_a^{[l]})$$"
    same = r"$$a^{(l)}_{t} = g(W_a^{(l)} [a^{(l)}_{t-1}, a^{(l-1)}_{t}] + b_a^{(l)})$$"
    d, e = symcount.derive(text, name="d.md"), symcount.derive(same, name="e.md")
    assert str(d.counts.total) == str(e.counts.total)
    assert any("is the layer below" in n for n in d.shapes.notes)
    assert d.shapes.input == "a^{(l-1)}" and {p.name for p in d.shapes.params} == {"W_a", "b_a"}


def test_brackets_in_a_superscript_that_are_no_layer_are_refused():
    with pytest.raises(SymcountError) as err:
        symcount.derive(r"$$ h_t = \tanh(W^{[a,b]<t>} x_t + U h_{t-1}) $$", name="bad.md")
    assert "index" in str(err.value)


SPACED = r"""$\tilde{c}^{\langle t \rangle} = tanh(W_c[a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_c)$
$\Gamma_u = sigmoid(W_u[a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_u)$
$\Gamma_f = sigmoid(W_f[a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_f)$
$\Gamma_o = sigmoid(W_o[a^{\langle t-1 \rangle}, x^{\langle t \rangle}] + b_o)$
$c^{\langle t \rangle} = \Gamma_u * \tilde{c}^{\langle t \rangle} + \Gamma_f * c^{\langle t-1 \rangle}$
$a^{\langle t \rangle} = \Gamma_o * tanh \space c^{\langle t \rangle}$
"""


def test_space_between_a_function_and_its_argument():
    d = symcount.derive(SPACED, name="sp.md")
    for x, a in ((7, 5), (2, 13)):
        assert d.evaluate(d_x=x, d_a=a) == n_params(*gates(x + a, a, 4))
    assert "tanh" not in {p.name for p in d.shapes.params}


STACKED_ARRAY = r"""\(\left(\begin{array}{l}r_{t} \\ z_{t}\end{array}\right)=\left(\begin{array}{c}\text { sigm } \\ \text { sigm }\end{array}\right) W\left(\begin{array}{c}x_{t} \\ h_{t-1}\end{array}\right)\)

\(\tilde{h}_{t}=\tanh \left(W_{x h} x_{t}+W_{h h}\left(r_{t} * h_{t-1}\right)\right)\)
\(h_{t}=z_{t} * h_{t-1}+\left(1-z_{t}\right) * \tilde{h}_{t}\)
"""


def test_an_array_in_parentheses_is_a_stacked_vector():
    d = symcount.derive(STACKED_ARRAY, name="anki.md")
    w = next(p for p in d.shapes.params if p.name == "W")
    assert len(d.shapes.params) == 3
    for x, h in ((7, 5), (6, 10)):  # a GRU without biases, its two gates' weights in one W
        assert d.evaluate(d_x=x, d_h=h) == n_params(nn.GRUCell(x, h, bias=False))
    assert "2" in str(w.rows)


BRACED = r"""$$
\begin{aligned}
  \tilde{c}^{<t>} &= \tanh (W_c [\Gamma_r * c^{<t-1>}, x^{<t>}] + b_c)\\
  c^{<t>} &= \Gamma_u * \tilde{c}^{<t>} + (1-\Gamma_u) * c^{<t-1>}\\
  a^{<t>} &= c^{<t>}
\end{aligned}
$$

where,
$$
  \left\{
    \begin{array}{ll}
  \Gamma_u = \sigma(W_u [c^{<t-1>}, x^{<t>}] + b_u)\\

  \Gamma_r = \sigma(W_r [c^{<t-1>}, x^{<t>}] + b_r)
    \end{array}
  \right.\\
$$
"""


def test_a_brace_that_groups_the_gates():
    d = symcount.derive(BRACED, name="brace.md")
    for x, c in ((7, 5), (3, 8)):
        assert d.evaluate(d_x=x, d_c=c) == n_params(*gates(x + c, c, 3))


# From heldout7's leftovers (Cooijmans et al., Recurrent Batch Normalization), read since the array above is
# a stacked vector: the prose's learned initial states, and a normalisation's bias set to zero in a sentence.
INITIAL = r"""$$ h_t = \tanh(W x_t + U h_{t-1} + b) $$
where $W \in \mathbb{R}^{d_h \times d_x}$ and the initial state $h_0 \in \mathbb{R}^{d_h}$ is a learned parameter."""


def test_learned_initial_states_are_refused_with_the_option_that_counts_the_step():
    with pytest.raises(SymcountError) as err:
        symcount.derive(INITIAL, name="init.md")
    assert "initial-states=not-counted" in str(err.value) and "init.md:2:" in str(err.value)
    d = symcount.derive(INITIAL, name="init.md", read={"initial-states": "not-counted"})
    m = nn.RNNCell(7, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m) - 5  # one bias
    h0 = nn.Parameter(torch.zeros(5))  # what the text counts on top: the learned h_0
    assert d.evaluate(d_x=7, d_h=5) + h0.numel() == n_params(m) - 5 + 5


def test_an_initial_state_that_is_not_learned_is_no_parameter():
    text = INITIAL.replace("is a learned parameter", "is not learned: it is zero")
    d = symcount.derive(text, name="zero.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


NORM_SET = r"""$$ h_t = \tanh(\mathrm{BN}(W x_t; \gamma_x, \beta_x) + \mathrm{BN}(U h_{t-1}; \gamma_h, \beta_h) + b) $$
We set $\beta_h = \beta_x = 0$ to avoid redundancy."""


def _bn_rnn(x: int, h: int, betas: bool) -> list:
    mods = [nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False), nn.Linear(1, h, bias=False)]  # W, U, b
    mods += [nn.BatchNorm1d(h, affine=True), nn.BatchNorm1d(h, affine=True)]
    if not betas:
        for bn in mods[3:]:
            bn.bias = None
    return mods


def test_a_norms_bias_set_to_zero_in_a_sentence_is_fixed_or_its_initial_value():
    with pytest.raises(SymcountError) as err:
        symcount.derive(NORM_SET, name="bn.md")
    assert "--read '\\beta_h=constant'" in str(err.value) and "readings" in str(err.value)
    fixed = symcount.derive(NORM_SET, name="bn.md", read={"\\beta_h": "constant", "\\beta_x": "constant"})
    learned = symcount.derive(NORM_SET, name="bn.md", read={"\\beta_h": "learned", "\\beta_x": "learned"})
    for x, h in ((7, 5), (3, 9)):
        assert fixed.evaluate(d_x=x, d_h=h) == n_params(*_bn_rnn(x, h, betas=False))
        assert learned.evaluate(d_x=x, d_h=h) == n_params(*_bn_rnn(x, h, betas=True))
    assert not any(p.name.startswith("\\beta") for p in fixed.shapes.params)


def test_a_trainable_initial_state_offered_as_an_option_is_no_claim():
    text = INITIAL.split("\n")[0] + "\n\n  - `train_state`: Trainable initial hidden state can be activated by setting this to `true`\n"
    d = symcount.derive(text, name="lux.md")  # Lux's docstring: an option, off unless set
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_statements_separated_by_commas_after_a_transposed_script():
    """`k_t^{\\top} v_t, z_t = ...`: the comma after a script's closing brace ends a statement; it does not start
    a list of left sides (`v_t, z_t = ...`, as `\\begin{aligned} i_t, f_t = ...` does)."""
    text = r"$S_t = S_{t-1} + k_t^{\top} v_t, z_t = W x_t, o_t = U z_t$"
    d = symcount.derive(text, name="la.md")
    assert {p.name for p in d.shapes.params} == {"W", "U"}
    for x, z, o in ((7, 5, 3), (4, 6, 9)):
        assert d.evaluate(d_x=x, d_z=z, d_o=o) == n_params(nn.Linear(x, z, bias=False), nn.Linear(z, o, bias=False))
    listed = r"""$$\begin{aligned} i_t, f_t, o_t &= \sigma(W_\bullet [h_{t-1}, x_t] + b_\bullet) \\
    c_t &= f_t \odot c_{t-1} + i_t \odot \tanh(W_c [h_{t-1}, x_t] + b_c) \\ h_t &= o_t \odot \tanh(c_t) \end{aligned}$$"""
    e = symcount.derive(listed, name="gates.md")  # a list of left sides after \begin{aligned}: one row each
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_the_index_of_a_training_example_on_every_signal():
    text = r"$$a^{(i)<t>} = \tanh(W_{aa} a^{(i)<t-1>} + W_{ax} x^{(i)<t>} + b_a)$$"
    d = symcount.derive(text, name="ex.md")
    assert d.shapes.input == "x" and d.shapes.output == "a"
    assert any("the index of an example" in n and "ex.md:1:3" in n for n in d.shapes.notes)
    for x, a in ((7, 5), (2, 8)):
        assert d.evaluate(d_x=x, d_a=a) == n_params(nn.RNNCell(x, a)) - a  # one bias
    layered = symcount.derive(r"$$a^{(l)<t>} = \tanh(W_{aa} a^{(l)<t-1>} + W_{ax} a^{(l-1)<t>} + b_a)$$", name="l.md")
    assert not any("the index of an example" in n for n in layered.shapes.notes)  # (l), with (l-1): a layer's


MINLSTM = r"""$$f_t = \sigma(\text{Linear}_{d_h}(x_t))$$
$$i_t = \sigma(\text{Linear}_{d_h}(x_t))$$
$$f'_t, i'_t = \frac{f_t}{f_t + i_t}, \frac{i_t}{f_t + i_t}$$
$$\tilde{h}_t = \text{Linear}_{d_h}(x_t)$$
$$h_t = f'_t \odot h_{t-1} + i'_t \odot \tilde{h}_t$$"""


def test_primed_left_sides_listed_with_their_right_sides():
    d = symcount.derive(MINLSTM, name="minlstm.md")  # minLSTM: f'_t, i'_t = ..., ...: one equation each
    for x, h in ((7, 5), (3, 4)):
        assert d.evaluate(d_x=x, d_h=h) == n_params(*(nn.Linear(x, h) for _ in range(3)))


def test_plain_texts_caret_accents_before_the_subscript():
    text = "z_t = σ(W_z x_t + U_z h_{t-1} + b_z)\nh^_t = tanh(W_h x_t + U_h (z_t ⊙ h_{t-1}) + b_h)\nh_t = z_t*(h^_t) + (1-z_t)*h_{t-1}\n"
    d = symcount.derive(text, name="notes.txt")  # h^_t: h hat (the candidate), not h squared or an index
    assert "\\hat{h}" in {s.name for s in d.shapes.signals}
    tilde = symcount.derive(text.replace("h^_t", "h^~_t"), name="notes.txt")
    assert "\\tilde{h}" in {s.name for s in tilde.shapes.signals}
    for x, h in ((7, 5), (3, 2)):
        assert d.evaluate(d_x=x, d_h=h) == tilde.evaluate(d_x=x, d_h=h) == n_params(*gates(x + h, h, 2))


def test_an_output_computed_once_at_the_last_step():
    text = r"""Update: $$ h_t = \mathrm{ReLU}(W_{xh} x_t + W_{hh} h_{t-1} + b_h) $$
Final prediction: $$ y_T = W_{hy} h_T + b_y. $$"""
    d = symcount.derive(text, name="elman.md")
    assert any("at the last step" in n and "elman.md:2:22" in n for n in d.shapes.notes)
    for x, h, y in ((7, 5, 3), (2, 4, 6)):  # the Elman cell and its readout, as torch's RNNCell and a Linear
        assert d.evaluate(d_x=x, d_h=h, d_y=y) == n_params(nn.RNNCell(x, h), nn.Linear(h, y)) - h


def test_a_weight_written_as_its_blocks():
    for defined in (r"W = [W_{hh}, W_{hx}]", r"W = \begin{bmatrix} W_{hh} \\ W_{hx} \end{bmatrix}"):
        text = rf"$$ h_t = \tanh(W [h_{{t-1}}; x_t] + b) $$ where $$ {defined} $$"
        d = symcount.derive(text, name="blocks.md")
        assert [p.name for p in d.shapes.params] == ["W", "b"]
        assert any("the blocks it is made of" in n for n in d.shapes.notes)
        for x, h in ((7, 5), (1, 3)):
            assert d.evaluate(d_x=x, d_h=h) == n_params(nn.RNNCell(x, h)) - h


def test_unicode_greek_subscripts_and_the_root_sign():
    d = symcount.derive("α_t = σ(W_α · x_t + b_α)\nh_t = α_t ⊙ h_{t-1} + W x_t\n", name="g.txt")
    assert {p.name for p in d.shapes.params} == {"W_{\\alpha}", "b_{\\alpha}", "W"}
    root = symcount.derive("$$ k_t = (1/√d) W_k x_t + b_k $$\n$$ h_t = \\tanh(W x_t + U h_{t-1} + k_t) $$\n", name="r.md")
    same = symcount.derive("$$ k_t = \\frac{1}{\\sqrt{d}} W_k x_t + b_k $$\n$$ h_t = \\tanh(W x_t + U h_{t-1} + k_t) $$\n",
                           name="r.md")
    assert str(root.counts.total) == str(same.counts.total)  # √d: a size's root, a constant as \sqrt{d} is


def test_a_dashed_or_arrowed_remark_after_a_line_of_code():
    base = "// z = sigmoid(W_z x_t + U_z h_{t-1} + b_z){}\n// h_t = z * h_{t-1} + (1 - z) * tanh(W_h x_t)\n"
    plain = symcount.derive(base.replace("{}", ""), name="a.rs")
    for remark in ("   — update gate: how much to keep", " → Update gate<br>"):
        d = symcount.derive(base.replace("{}", remark), name="a.rs")
        assert str(d.counts.total) == str(plain.counts.total)


def test_a_line_that_computes_a_signal_without_an_activation_is_never_dropped_silently():
    """`z = W_ih @ x + b_ih + W_hh @ h + b_hh` beside lines that are read: z was counted as a bias-like
    parameter (a wrong count with exit 0); it is a signal the count needs. Since round 33 a line whose name a gate's
    activation reads (`i = sigmoid(z)`) is read, the step's pre-activations; one that nothing activates is refused."""
    text = "```\nz = W_ih @ x + b_ih + W_hh @ h + b_hh\ni = sigmoid(z)\nh' = i * tanh(h)\n```\n"
    d = symcount.derive(text, name="code.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5))  # W_ih, W_hh and both biases: z read
    with pytest.raises(SymcountError) as err:
        symcount.derive(text.replace("i = sigmoid(z)", "i = sigmoid(z + 1)"), name="code.md")
    assert "cannot read the line that defines z" in str(err.value) and "code.md:2:1" in str(err.value)
    weights = "$$ h_t = \\tanh(W x_t + U h_{t-1}) $$\nW and U can be low rank: W = matmul(W_1, W_2) and U = matmul(U_1, U_2)\n"
    d = symcount.derive(weights, name="lowrank.md")  # a weight made of others, in prose: no signal, not refused
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_parameters_listed_as_computed_from_the_input_by_an_undefined_function_are_refused():
    text = ("```\nA, B, C = f(x(t))            # Parameters depend on input!\nh(t) = A·h(t-1) + B·x(t)     # State update\n"
            "y(t) = C·h(t)                # Output\n```\n")
    with pytest.raises(SymcountError) as err:  # (h18a's set-aside snippet: counted as static A, B, C before)
        symcount.derive(text, name="mamba.md")
    assert "cannot read the line that defines A" in str(err.value) and "mamba.md:2:1" in str(err.value)
    signature = "$$ h_t, c_t = \\mathrm{LSTM}(x_t, h_{t-1}, c_{t-1}) $$\n$$ h_t = \\tanh(W x_t + U h_{t-1}) $$\n"
    d = symcount.derive(signature, name="sig.md")  # a signature whose names the equations define: read, noted
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))
