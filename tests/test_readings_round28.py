"""Issue 17, twenty-eighth round: notations the waiting snippets showed. Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def elman(x: int, h: int) -> int:
    return n_params(nn.RNNCell(x, h, bias=False)) + h  # one bias


ELMAN_MAP = ("A RNN is given by a dynamics map $h_{t}=f(h_{t-1},y_{t})$.\n\n"
             "An Elman RNN is an RNN with $f(h_{t-1},y_t)=\\sigma(U h_{t-1}+V y_t+b)$, where $U\\in\\mathbb{R}^{d\\times d}$.\n")


def test_a_map_defined_on_the_signals_it_is_applied_to_is_written_out():
    d = symcount.derive(ELMAN_MAP)
    assert d.evaluate(d=5, d_y=7) == elman(7, 5)
    # its parameters other letters than the arguments: each replaced by its argument
    e = symcount.derive("$$h_t = f(h_{t-1}, x_t)$$ where $$f(h, x) = \\tanh(W x + U h + b)$$")
    assert e.evaluate(d_h=5, d_x=7) == elman(7, 5)


def test_a_map_defined_twice_otherwise_is_not_read_as_one():
    jordan = ELMAN_MAP + "A Jordan RNN is an RNN with $$f(h_{t-1},y_t)=\\sigma(U \\tanh(E h_{t-1})+V y_{t-1}+b).$$\n"
    with pytest.raises(SymcountError):
        symcount.derive(jordan)


def test_a_function_of_a_signal_never_applied_is_still_set_aside_with_a_note():
    d = symcount.derive("$$h_t = \\tanh(W x_t + U h_{t-1})$$ and $$p(y_t) = \\mathrm{softmax}(V h_t + c)$$")
    assert any("says what a function of a signal is" in n for n in d.shapes.notes)


def test_a_primed_letter_applied_to_a_signal_is_a_function_with_a_note():
    d = symcount.derive("$h_t = \\tanh(U h_{t-1} + V e'(y_t) + b)$, where $V\\in \\mathbb{R}^{d\\times R}$")
    # e' is an embedding function (no parameters): U, V and b only; not a weight e' of y's size
    assert d.evaluate(d=5, R=7) == elman(7, 5)
    assert any("e'(...)" in n and "--read \"e'=matrix\"" in n for n in d.shapes.notes)


def test_two_products_side_by_side_where_the_other_gates_add_them_are_a_sum():
    text = ("$$f_t = \\sigma(W_{hf}\\cdot h_{t-1} + W_{xf}\\cdot x_t + B_f)$$\n\n"
            "$$i_t = \\sigma(W_{hi}\\cdot h_{t-1} W_{xi}\\cdot x_t + B_i)$$\n\n"
            "$$c_t = f_t \\odot c_{t-1} + i_t \\odot \\tanh(W_{hc}\\cdot h_{t-1} + W_{xc}\\cdot x_t + B_c)$$\n\n"
            "$$h_t = \\tanh(c_t)$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 3 * n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))
    assert any("a `+` left out" in n for n in d.shapes.notes)
    # alone, with no equation that adds the two, the row is left as written, and refused (W_{hi}'s columns)
    with pytest.raises(SymcountError):
        symcount.derive("$$i_t = \\sigma(W_{hi}\\cdot h_{t-1} W_{xi}\\cdot x_t + B_i)$$")


def test_a_bracket_that_closes_nothing_is_refused_where_its_opening_was_left_out():
    text = ("$$ f_{t} = sigmoid(W_{f}[h_{t-1},x_{t}] + b_{f})$$\n\n"
            "$$ o_{t} = sigmoid(W_{o}[h_{t-1},x_{t}] + b_{o}])$$\n\n"
            "$$ h_{t} = o_{t} * tanh(f_{t} * h_{t-1})$$\n")
    with pytest.raises(SymcountError, match="never opened"):
        symcount.derive(text)


UNROLLED = ("**h₁ = f(x₁ • Wₓ + b₁)**\n\n- `b₁`: bias\n\n**h₂ = f(x₂ • Wₓ + h₁ • Wₕ + b₁)**\n\n"
            "### Time Steps t=3, t=4 ...\n\n**hₜ = f(xₜ • Wₓ + hₜ₋₁ • Wₕ + b₁)**\n\n"
            "### Final Output\n\n**ŷ = sigmoid(h₄ • W_out + b_out)**\n")


def test_first_steps_written_out_before_the_step_at_t_are_examples_and_a_numbered_last_state_feeds_the_output():
    d = symcount.derive(UNROLLED)
    # x W_x + h W_h + b (row vectors, • a matrix product), then y from the last state: h (3) x (5) y (1)
    rnn = n_params(nn.Linear(5, 3, bias=False), nn.Linear(3, 3))
    assert d.evaluate(d_x=5, d_h=3, d_yhat=1) == rnn + n_params(nn.Linear(3, 1))
    assert any("read as examples of it" in n for n in d.shapes.notes)
    assert any("from the last step (h_4)" in n or "h₄" in n for n in d.shapes.notes)


def test_a_bullet_is_a_product_decided_by_the_shapes_like_cdot():
    d = symcount.derive("**hₜ = tanh(xₜ • Wₓ + hₜ₋₁ • Wₕ + b)**")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5))
    # between two vectors, entry by entry
    e = symcount.derive("$$c_t = f_t\\bullet c_{t-1} + i_t \\bullet \\tanh(W x_t + U h_{t-1}) \\\\ "
                        "f_t = \\sigma(W_f x_t + U_f h_{t-1}) \\\\ i_t = \\sigma(W_i x_t + U_i h_{t-1}) \\\\ h_t = \\tanh(c_t)$$")
    assert e.evaluate(d_x=7, d_c=5) == 3 * n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))


def test_a_plain_text_declaration_with_the_word_in_gives_the_size():
    text = "Input: x_t in R^d, h_{t-1} in R^n\n\n    h_t = tanh(W x_t + U h_{t-1} + b)\n"
    d = symcount.derive(text)
    assert d.evaluate(d=7, n=5) == n_params(nn.RNNCell(7, 5)) - 5
    # ∈ with a step's index that has a minus (h_{t-1} ∈ R^n) declares too
    e = symcount.derive("Input: x_t ∈ R^d, h_{t-1} ∈ R^n\n\n    h_t = tanh(W x_t + U h_{t-1} + b)\n")
    assert e.evaluate(d=7, n=5) == n_params(nn.RNNCell(7, 5)) - 5
    # `in` before anything but the reals is a word: no declaration
    f = symcount.derive("$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$ for t in 1..T")
    assert f.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_code_camel_case_previous_state_and_a_labelled_state_update_are_read():
    text = ("// Update gate: z = sigmoid(W_z * [input; hPrev] + b_z)\n"
            "\n"
            "// Reset gate: r = sigmoid(W_r * [input; hPrev] + b_r)\n"
            "\n"
            "// New gate: n = tanh(W_n * [input; r * hPrev] + b_n)\n"
            "\n"
            "// Hidden state: h = (1-z) * n + z * hPrev\n")
    d = symcount.derive(text)
    assert d.evaluate(d_input=7, d_h=5) == 3 * n_params(nn.Linear(12, 5))
    assert any("hPrev" in n and "previous step" in n for n in d.shapes.notes)


def test_a_gate_computed_from_parameters_only_is_refused():
    text = ("// Update gate: z = sigmoid(W_z * x + b_z)\n// Reset gate: r = sigmoid(W_r * x + b_r)\n"
            "// New gate: n = tanh(W_n * [input; r * hPrev] + b_n)\n// Hidden state: h = (1-z) * n + z * hPrev\n")
    with pytest.raises(SymcountError, match="reads no signal"):
        symcount.derive(text)
    # a parameter defined from others (no activation of a product) is still read
    d = symcount.derive("$$A = -\\exp(A_{\\log}), \\quad h_t = A h_{t-1} + B x_t$$")
    assert d.parameters


def test_an_init_helper_the_text_defines_that_only_fills_tensors_declares_nothing():
    code = ("class LRU(nn.Module):\n    def __init__(self, d_in, d_hidden):\n        super().__init__()\n"
            "        self.B = nn.Parameter(torch.empty(d_hidden, d_in))\n        self.nu = nn.Parameter(torch.empty(d_hidden))\n"
            "        self._init_params()\n\n    def _init_params(self):\n        nn.init.xavier_normal_(self.B)\n"
            "        nn.init.uniform_(self.nu)\n\n    def forward(self, u):\n        return u\n")
    d = symcount.derive(code)
    assert d.evaluate(d_in=7, d_hidden=5) == 5 * 7 + 5
    # one that makes a parameter is refused
    making = code.replace("        nn.init.uniform_(self.nu)\n", "        self.extra = nn.Parameter(torch.zeros(3))\n")
    with pytest.raises(SymcountError):
        symcount.derive(making)


def test_a_hidden_size_typed_in_code_binds_a_state_written_h_new():
    text = ("/// GRU cell: z = σ(Wz·x + Uz·h), r = σ(Wr·x + Ur·h), h' = tanh(Wh·x + Uh·(r⊙h))\n"
            "/// h_new = (1-z)⊙h + z⊙h'\nstruct GruCell {\n    hidden_dim: usize,\n}\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, hidden_dim=5) == 3 * n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))


def test_cdotp_is_a_product_and_a_greek_scalar_declared_in_a_range_is_a_question():
    text = ("$$x(t+1) = (1 - \\alpha) x(t) + \\alpha f(u(t+1), x(t))$$\n\nwith $\\alpha \\in [0, 1]$ and:\n\n"
            "$$ f(u, x) = \\tanh(W_{in} \\cdotp u + W \\cdotp x) $$\n")
    with pytest.raises(SymcountError, match="constant or a learned scalar"):
        symcount.derive(text)
    d = symcount.derive(text, read={"\\alpha": "constant"})
    assert d.evaluate(d_u=3, d_x=5) == n_params(nn.Linear(3, 5, bias=False), nn.Linear(5, 5, bias=False))


def test_a_function_of_the_state_that_is_never_applied_is_the_new_state():
    text = ("\\begin{align*}\n\\text{RNN}(h,x)&=(1-g)\\circ h + g\\circ\\tanh(W_1h+U_1x+b_1),\\\\\n"
            "g&=\\sigma(W_2h+U_2x+b_2)\n\\end{align*}\n\nwhere $h \\in \\mathbb{R}^H$, $x \\in \\mathbb{R}^C$.\n")
    d = symcount.derive(text)
    assert d.evaluate(H=5, C=7) == 2 * n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))
    assert any("is never applied" in n for n in d.shapes.notes)


def test_a_docstrings_weights_that_the_module_does_not_declare_are_refused():
    code = ('class Cell(nn.Module):\n    r"""The recurrent part only.\n\n    .. math::\n        input=w_{ih} * x + b_{ih}\n'
            "        h' = \\relu(input +  w_{hh} (*) h)\n    \"\"\"\n\n    def __init__(self, hidden_size):\n"
            "        super().__init__()\n        self.weight_hh = Parameter(torch.Tensor(hidden_size))\n")
    with pytest.raises(SymcountError, match="the docstring and the code disagree"):
        symcount.derive(code)
    # a module's layer holds its bias: W_f as nn.Linear covers W_f and b_f
    linear = ("$$f_t = \\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)$$\n\n$$h_t = f_t \\odot h_{t-1}$$\n\n```python\nclass Cell(nn.Module):\n"
              "    def __init__(self, input_size, hidden_size):\n        super().__init__()\n"
              "        self.W_f = nn.Linear(input_size + hidden_size, hidden_size)\n```\n")
    assert symcount.derive(linear).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5))


def test_angle_brackets_of_unicode_and_a_plural_that_is_no_complex_number():
    text = ("记住例如前文主语是单数还是复数等信息。\n\n$$c^{⟨t⟩} = \\tanh(W_c[c^{⟨t-1⟩}, x^{⟨t⟩}] + b_c)$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_c=5, d_x=7) == n_params(nn.Linear(12, 5))


def test_torch_modules_conv1d_linspace_doubled_parentheses_and_frozen_parameters():
    code = ("class Block(nn.Module):\n    def __init__(self, dim, hidden, kernel_size):\n        super().__init__()\n"
            "        self.conv = nn.Conv1d(in_channels=hidden, out_channels=hidden, bias=True,\n"
            "                              kernel_size=kernel_size, groups=hidden, padding=kernel_size-1)\n"
            "        self.full = nn.Conv1d(dim, hidden, 3)\n"
            "        self.base = nn.Parameter(torch.linspace(-4.3, -9, hidden))\n"
            "        self.B = nn.Parameter((torch.zeros(4 * hidden)), requires_grad=True)\n"
            "        self.scale = nn.Parameter(torch.tensor([8]).log(), requires_grad=False)\n\n"
            "    def forward(self, x):\n        return x\n")
    d = symcount.derive(code)
    dims = dict(dim=6, hidden=9, kernel_size=4)
    truth = n_params(nn.Conv1d(9, 9, 4, groups=9), nn.Conv1d(6, 9, 3)) + 9 + 4 * 9
    assert d.evaluate(**dims) == truth
    assert any("requires_grad=False" in n for n in d.shapes.notes)
    with pytest.raises(SymcountError, match="groups"):
        symcount.derive(code.replace("groups=hidden", "groups=2"))


def test_a_rows_leading_number_a_tuple_unpacked_from_a_shape_and_a_braced_array():
    numbered = ("$$\n\\begin{aligned}\n  (1)\\qquad f_t &=\\sigma(W_f[h_{t-1}, x_t] + b_f) \\\\\n"
                "  (2)\\qquad h_t &= f_t \\odot h_{t-1}\n\\end{aligned}\n$$\n")
    assert symcount.derive(numbered).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5))
    code = ("    def forward(self, x, h_prev):\n        N, H = h_prev.shape\n"
            "        z = sigmoid(np.dot(x, Wxz) + np.dot(h_prev, Whz) + bhz)\n"
            "        h_hat = np.tanh(np.dot(x, Wxh) + np.dot(h_prev, Whh) + bhh)\n"
            "        h_next = z * h_prev + (1-z) * h_hat\n")
    assert symcount.derive(code).evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))
    # a product the text leaves open after a parenthesis: the hint offers no option that names nothing
    with pytest.raises(SymcountError) as refused:
        symcount.derive(code.replace("(1-z) * h_hat", "(1-z) * Wq"))
    assert "None" not in str(refused.value)
    braced = ("$$z_t = \\left[{\n  \\begin{array}{*{20}c}\n    x_t \\\\\n    h_{t-1}\n  \\end{array} }\n\\right]$$\n\n"
              "$$h_t = \\tanh(W z_t + b)$$\n")
    assert symcount.derive(braced).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5))


def test_nested_braces_in_an_index_a_bold_function_and_a_pair_of_signals():
    nested = ("$$f_t = \\sigma(W_{{\\mathsf{f}}}[x_t; h_{t-1}] + b_{\\mathsf{f}})$$\n\n$$h_t = f_t \\odot h_{t-1}$$\n")
    assert symcount.derive(nested).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5))
    beamer = ("Inputs $\\bm{z}(t) = \\left(\\strut \\bm{x}(t),\\, \\bm{h}(t-1)\\right)$\n\\begin{align*}\n"
              "  \\bm{f}(t) &= \\bm{\\sigma}\\!\\left( \\bm{W}_{\\!f} \\,\\bm{z}(t) + \\bm{b}_f \\right) \\\\\n"
              "  \\bm{g}(t) &= \\text{\\bf tanh}\\!\\left( \\bm{W}_{\\!g} \\,\\bm{z}(t)  + \\bm{b}_g \\right) \\\\\n"
              "  \\bm{h}(t) &= \\bm{f}(t) \\odot \\bm{h}(t-1) + \\bm{g}(t)\n\\end{align*}\n")
    d = symcount.derive(beamer)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(12, 5))
    assert any("reads as the concatenation" in n for n in d.shapes.notes)
    pair = ("$$r_t = \\sigma(W_r (x_t, h_{t-1}) + b_r)$$\n\n$$n_t = \\tanh(W_n (x_t, r_t \\odot h_{t-1}) + b_n)$$\n\n"
            "$$h_t = (1 - r_t) \\odot h_{t-1} + r_t \\odot n_t$$\n")
    assert symcount.derive(pair).evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(12, 5))


def test_mathtype_signs_and_a_stray_centering():
    text = ("\\begin{align}\n    \\centering\n    {{\\rm{i}}_t} = \\sigma ({W_{ix}}{x_t} + {W_{ih}}{h_{t - 1}}{\\rm{ + }}{b_i}) \\\\\n"
            "    h_t = i_t \\odot h_{t-1}\n\\end{align}\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))


def test_a_loss_written_out_in_a_list_and_a_rows_label_in_chinese():
    loss = "- $h_t = \\tanh(W x_t + U h_{t-1})$\n- $CE = -\\sum_i y_i log \\sigma(z_t)$\n"
    assert symcount.derive(loss).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))
    labelled = ("$$\n更新门：z_t = σ(W_z · [h_{t-1}, x_t]) \\\\\n"
                "隐藏状态：h_t = z_t * h_{t-1}\n$$\n")
    assert symcount.derive(labelled).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5, bias=False))


def test_a_capital_and_a_small_letter_beside_numpys_at_are_one_weight():
    text = 'def rnn(op):\n    """Cell equation:\n      h_t = fused_activation(x_t @ W.T + h_{t-1} @ Wr.T + b)\n    """\n'
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_after_an_audit_outputs_biases_and_maps_are_never_dropped_unread():
    # a labelled output line after the labelled update it reads
    gru = ("// Update gate: z = sigmoid(W_z * [input; hPrev] + b_z)\n// New gate: n = tanh(W_n * [input; hPrev] + b_n)\n"
           "// Hidden state: h = (1-z) * n + z * hPrev\n// Output: y = softmax(V * h + c)\n")
    assert symcount.derive(gru).evaluate(d_input=7, d_h=5, d_y=3) == 2 * n_params(nn.Linear(12, 5)) + n_params(nn.Linear(5, 3))
    # numpy's `ba` beside `Wa.T`: the bias b_a, not b times a
    code = ('"""\n  h_t = tanh(x_t @ W.T + (h_{t-1} * r) @ Wr.T + b)\n  r = sigmoid(x_t @ Wa.T + ba)\n"""\n')
    assert symcount.derive(code).evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5))
    # the cell called on its state first: RNN(h, x) makes h' (x is the input)
    assert symcount.derive("$$\\text{RNN}(h,x) = \\tanh(W_1 h + U_1 x + b_1)$$").evaluate(d_h=5, d_x=7) == \
        n_params(nn.RNNCell(7, 5, bias=False)) + 5
    # a map with a weight, never applied, is refused rather than dropped
    with pytest.raises(SymcountError):
        symcount.derive("$$\\text{RNN}(h,x) = \\tanh(W_1 h + U_1 x + b_1)$$\n$$\\text{Out}(h) = \\mathrm{softmax}(V h + c)$$")
    # a frozen parameter given positionally
    frozen = ("class Block(nn.Module):\n    def __init__(self, hidden):\n        super().__init__()\n"
              "        self.w = nn.Parameter(torch.ones(hidden))\n        self.scale = nn.Parameter(torch.ones(hidden), False)\n")
    assert symcount.derive(frozen).evaluate(hidden=5) == 5


def test_a_module_parameter_its_docstring_never_uses_is_refused():
    code = ('class Cell(nn.Module):\n    r"""\n    .. math::\n        h\' = \\tanh(W_{ih} x + W_{hh} h + b)\n    """\n\n'
            "    def __init__(self, input_size, hidden_size):\n        super().__init__()\n"
            "        self.weight_ih = nn.Parameter(torch.empty(hidden_size, input_size))\n"
            "        self.weight_hh = nn.Parameter(torch.empty(hidden_size, hidden_size))\n"
            "        self.bias = nn.Parameter(torch.empty(hidden_size))\n"
            "        self.gain = nn.Parameter(torch.ones(hidden_size))\n")
    with pytest.raises(SymcountError, match="gain, which no equation uses"):
        symcount.derive(code)
    assert symcount.derive(code.replace("        self.gain = nn.Parameter(torch.ones(hidden_size))\n", "")).evaluate(
        d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_capital_bias_at_the_step_beside_its_family_is_a_bias():
    text = ("$$f_t = \\sigma(W_{hf}\\cdot h_{t-1} + W_{xf}\\cdot x_t + B_f)$$\n\n"
            "$$l_t = \\tanh(W_{hl}\\cdot h_{t-1} + W_{xl}\\cdot x_t + B_t)$$\n\n$$h_t = f_t \\odot h_{t-1} + l_t$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))
    assert any("B_t" in n and "read as a bias" in n for n in d.shapes.notes)
