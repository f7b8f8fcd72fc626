"""Issue 17, twenty-third round: notations set h25 showed, after its score. Counts against torch modules."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def test_a_capital_t_that_carries_the_offsets_is_the_step_letter():
    # a README's `h_{T+1} = Ah_T + Bx_T`: T is the step; x declared a scalar, B declared 1 x N: not conformable, refused
    text = ("$$\nh_{T+1} = Ah_T + Bx_T\ny_T = Ch_T + Dx_T\n$$\n\nseems like \n$x,y \\in \\mathbb{R}^{1}$ , \n"
            "$h \\in \\mathbb{R}^{N}$ , \n$A,C \\in \\mathbb{R}^{N \\times N}$ and \n$B,D \\in \\mathbb{R}^{1 \\times N}$  \n")
    with pytest.raises(symcount.ShapeError, match="cannot multiply B"):
        symcount.derive(text)
    # written as it should be, the state-space step counts as torch's
    fixed = text.replace("B,D \\in \\mathbb{R}^{1 \\times N}", "B \\in \\mathbb{R}^{N \\times 1}, D \\in \\mathbb{R}^{1 \\times 1}") \
        .replace("A,C \\in \\mathbb{R}^{N \\times N}", "A \\in \\mathbb{R}^{N \\times N}, C \\in \\mathbb{R}^{1 \\times N}")
    assert symcount.derive(fixed).evaluate(N=5) == n_params(nn.Linear(5, 5, bias=False), nn.Linear(1, 5, bias=False),
                                                             nn.Linear(5, 1, bias=False), nn.Linear(1, 1, bias=False))


def test_comment_lines_labelled_with_the_part_they_compute():
    # JavaScript: `// New hidden state: h = o * tanh(c)` beside code lines: read though it has no LaTeX mark
    text = ("    forward(input, prevHidden, prevCell) {\n        const concat = [...input, ...prevHidden];\n\n"
            "        // Forget gate: f = σ(Wf · [h, x] + bf)\n        const f = this._matmul(concat, this.Wf);\n\n"
            "        // Input gate: i = σ(Wi · [h, x] + bi)\n        const ig = this._matmul(concat, this.Wi);\n\n"
            "        // Candidate: c̃ = tanh(Wc · [h, x] + bc)\n        const cTilde = this._matmul(concat, this.Wc);\n\n"
            "        // New cell state: c = f * c_prev + i * c̃\n        const newCell = prevCell.map((c, i) => f[i] * c);\n\n"
            "        // Output gate: o = σ(Wo · [h, x] + bo)\n        const o = this._matmul(concat, this.Wo);\n\n"
            "        // New hidden state: h = o * tanh(c)\n        const newHidden = newCell.map((c, i) => o[i]);\n    }\n")
    assert symcount.derive(text, name="lstm.js").evaluate(d_x=7, d_c=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    # a label that names no part of the cell, and no mark: not read as math
    with pytest.raises(symcount.SymcountError):
        symcount.derive("// Example: y = foo(x)\n// Usage: z = bar(y)\n", name="a.js")


def test_old_and_new_prefixes_before_a_timed_name_and_a_code_functions_words():
    # C: `// z_t = sigmoid(w_z * x_t + u_z * old_h_t + b_z)`, `mat_hadamard(...)` calls in the code (not a
    # sentence that says * is elementwise), `u_h(r_t . old_h_t)` beside u_z, u_r (a weight of the same family)
    code = ("void gru_forward(float* x_t, float* old_h_t, float* new_h_t) {\n"
            "    float* tmp1 = (float*)malloc(x_width * batch_size * sizeof(float));\n"
            "    // z_t = sigmoid(w_z * x_t + u_z * old_h_t + b_z)\n    mat_sigmoid(z_t, x_width, batch_size);\n"
            "    // r_t = sigmoid(w_r * x_t + u_r * old_h_t + b_r)\n    mat_sigmoid(r_t, x_width, batch_size);\n"
            "    // h_hat = phi(w_h*x_t + u_h(r_t . old_h_t) + b_h)\n    mat_hadamard(r_t, old_h_t, r_t, x_width, batch_size);\n"
            "    // new_h_t = (1-z_t).old_h_t + z_t.h_hat\n"
            "    float* tmp3 = (float*)malloc(x_width * batch_size * sizeof(float));\n"
            "    mat_hadamard(tmp3, old_h_t, tmp3, x_width, batch_size);\n}\n")
    d = symcount.derive(code, name="gru.c")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    # a function applied to signals under two subscripts is still a function (Lasagne's f_i(x_t) + f_h(h_{t-1}))
    with pytest.raises(symcount.SymcountError):
        symcount.derive(".. math::\n\n    h_t = \\sigma(f_i(x_t) + f_h(h_{t-1}))\n", name="l.rst")


def test_otimes_between_two_vectors_is_elementwise_or_the_outer_product():
    # Mamba's notes: `\bar{B}_t = \Delta_t \otimes B_t` (an outer product there), `h_t = \bar{A}_t \odot h_{t-1} + \bar{B}_t x_t`:
    # the two readings give different counts: refused, each listed with the option that picks it
    text = ("$$\\Delta_t = \\text{softplus}(W_\\Delta x_t + b), \\qquad B_t = W_B x_t, \\qquad C_t = W_C x_t$$\n\n"
            "$$\\bar{A}_t = \\exp(\\Delta_t A), \\qquad \\bar{B}_t = \\Delta_t \\otimes B_t$$\n\n"
            "$$h_t = \\bar{A}_t \\odot h_{t-1} + \\bar{B}_t x_t, \\qquad y_t = C_t^\\top h_t + D \\odot x_t$$\n")
    with pytest.raises(symcount.ShapeError, match=r"(?s)\\otimes=elementwise.*\\otimes=outer"):
        symcount.derive(text)
    # where the outer product does not fit (an LSTM's state stays a vector), ⊗ is elementwise, and the count is printed
    lstm = ("$$ i_t = \\sigma(W_i x_t + U_i h_{t-1}) $$\n$$ f_t = \\sigma(W_f x_t + U_f h_{t-1}) $$\n"
            "$$ o_t = \\sigma(W_o x_t + U_o h_{t-1}) $$\n$$ g_t = \\tanh(W_g x_t + U_g h_{t-1}) $$\n"
            "$$ c_t = f_t \\otimes c_{t-1} + i_t \\otimes g_t $$\n$$ h_t = o_t \\otimes \\tanh(c_t) $$\n")
    d = symcount.derive(lstm)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5, bias=False))
    assert any("\\otimes=outer does not fit" in n for n in d.shapes.notes)


def test_an_elided_sum_beside_the_full_equation_is_set_aside():
    # `c_t = f_t \odot c_{t-1} + \ldots` early in a lesson, the whole equation later: the early one is set aside
    gates = "".join(f"$${g}_t = \\sigma(W_{g} \\cdot [h_{{t-1}}, x_t] + b_{g})$$\n\n" for g in "fio")
    text = (gates + "$$c_t = f_t \\odot c_{t-1} + \\ldots$$\n\n$$\\tilde{c}_t = \\tanh(W_c \\cdot [h_{t-1}, x_t] + b_c)$$\n\n"
            "$$c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t$$\n\n$$h_t = o_t \\odot \\tanh(c_t)$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert any("leaves the rest of its sum out" in n for n in d.shapes.notes)
    # alone, what it leaves out may hold weights: refused
    with pytest.raises(symcount.ParseError, match="ldots"):
        symcount.derive(gates + "$$c_t = f_t \\odot c_{t-1} + \\ldots$$\n\n$$h_t = o_t \\odot \\tanh(c_t)$$\n")


def test_letters_the_prose_lists_with_parentheses_as_functions():
    # "where σ(), g(), h() and phi() are element-wise non-linear functions": h(c_t) applies h (not the state h_t)
    text = ("i_t = σ(W_xi x_t + W_hi h_t-1 + b_i),\nf_t = σ(W_xf x_t + W_hf h_t-1 + b_f),\n"
            "c_t = f_t * c_t-1 + i_t * g(W_xc x_t + W_hc h_t-1 + b_c),\no_t = σ(W_xo x_t + W_ho h_t-1 + b_o),\n"
            "h_t = o_t * h(c_t),\n\nwhere σ(), g(), h() and phi() are element-wise non-linear functions.\n")
    assert symcount.derive(text, name="d.txt").evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_code_under_comments_that_write_its_equations():
    # C++ (Eigen): `// ft = σ(Wf * input + ...)` over `ft = sigmoid((Wf * input).colwise() + ...);`: the comments are
    # the math; `ft`, `it` used glued in `c_next = ft * c_prev + it * cct` are the gates at t; `cct.array()` in the
    # code does not make cct an object
    rows = [("ft", "σ(Wf * input + Uf * h_prev + bf)", "sigmoid((Wf * input).colwise() + Uf * h_prev + bf)"),
            ("it", "σ(Wi * input + Ui * h_prev + bi)", "sigmoid((Wi * input).colwise() + Ui * h_prev + bi)"),
            ("cct", "tanh(Wc * input + Uc * h_prev + bc)", "tanh((Wc * input).colwise() + Uc * h_prev + bc)")]
    text = "void LSTM::forward(const MatrixXd &input) {\n" + "".join(
        f"    // {n} = {math}\n    {n} = {code};\n" for n, math, code in rows) + (
        "    // c_next = ft * c_prev + it * cct\n    ct = ft.array() * c_prev.array() + it.array() * cct.array();\n"
        "    // ot = σ(Wo * input + Uo * h_prev + bo)\n    ot = sigmoid((Wo * input).colwise() + Uo * h_prev + bo);\n"
        "    // h_next = ot * tanh(c_next)\n\n    ht = ot.array() * tanh(ct).array();\n}\n")
    d = symcount.derive(text, name="lstm.cpp")
    assert d.evaluate(d_input=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_doc_comment_that_describes_a_weight_then_gives_its_shape():
    # Rust: `/// Update gate weights for input: W_z [hidden_dim x input_dim].` beside the equations: the sizes named
    fields = "".join(f"    /// {what}: {n} [{shape}].\n    pub {n.lower()}: Vec<f64>,\n" for what, n, shape in [
        ("Update gate weights for input", "W_z", "hidden_dim x input_dim"), ("Update gate weights for hidden", "U_z", "hidden_dim x hidden_dim"),
        ("Update gate bias", "b_z", "hidden_dim"), ("Candidate weights for input", "W_h", "hidden_dim x input_dim"),
        ("Candidate weights for hidden", "U_h", "hidden_dim x hidden_dim"), ("Candidate bias", "b_h", "hidden_dim")])
    text = ("/// GRU-like cell.\n///\n/// Equations:\n///   z = sigmoid(W_z @ x + U_z @ h_prev + b_z)  // update gate\n"
            "///   h_tilde = tanh(W_h @ x + U_h @ h_prev + b_h)  // candidate\n"
            "///   h = (1 - z) * h_prev + z * h_tilde  // new hidden state\npub struct Weights {\n" + fields + "}\n")
    d = symcount.derive(text, name="w.rs")
    assert d.evaluate(input_dim=7, hidden_dim=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5
    # a shape the equations cannot have is an error that names the legend
    with pytest.raises(symcount.ShapeError):
        symcount.derive(text.replace("W_h [hidden_dim x input_dim]", "W_h [hidden_dim x hidden_dim x input_dim]")
                        .replace("U_h [hidden_dim x hidden_dim]", "U_h [input_dim x input_dim]"), name="w.rs")


def test_eigen_constructors_give_rows_and_columns():
    # C++: `Wf(MatrixXd::Random(hidden_size, input_size))` in a constructor's initializer list: rows, columns
    init = ",\n".join(f"    W{g}(MatrixXd::Random(hidden_size, input_size)),\n    U{g}(MatrixXd::Random(hidden_size, hidden_size))"
                      for g in "fc") + ",\n    bf(VectorXd::Random(hidden_size)), bc(VectorXd::Random(hidden_size)) {}\n"
    text = ("LSTM::LSTM(int input_size, int hidden_size) :\n" + init +
            "    // ft = σ(Wf * input + Uf * h_prev + bf)\n    // cct = tanh(Wc * input + Uc * h_prev + bc)\n"
            "    // c_next = ft * c_prev + (1 - ft) * cct\n    // h_next = tanh(c_next)\n")
    d = symcount.derive(text, name="lstm.cpp")
    assert d.evaluate(input_size=7, hidden_size=5) == 2 * (n_params(nn.RNNCell(7, 5)) - 5)


def test_a_bare_letter_declared_as_a_vector_sizes_its_subscripted_family():
    # `$\mathbf{p} \in \mathbb{R}^{n_h}$ are peephole weights` beside p_i, p_f, p_o (and no bare p): each is n_h
    gates = "".join(f"$$\\mathbf{{{g}}}_t = \\sigma(\\mathbf{{W}}_{g} \\mathbf{{x}}_t + \\mathbf{{R}}_{g} \\mathbf{{h}}_{{t-1}}"
                    f" + \\mathbf{{p}}_{g} \\odot \\mathbf{{c}}_{{t-1}})$$\n\n" for g in "if")
    text = (gates + "$$\\mathbf{c}_t = \\mathbf{f}_t \\odot \\mathbf{c}_{t-1} + \\mathbf{i}_t \\odot \\tanh(\\mathbf{W}_z \\mathbf{x}_t)$$\n\n"
            "$$\\mathbf{h}_t = \\tanh(\\mathbf{c}_t)$$\n\nThe input is $\\mathbf{x}_t \\in \\mathbb{R}^{n_i}$; "
            "$\\mathbf{p} \\in \\mathbb{R}^{n_h}$ are peephole weights.\n")
    d = symcount.derive(text)
    assert d.evaluate(n_i=7, n_h=5) == 2 * (5 * 7 + 5 * 5 + 5) + 5 * 7
    assert any("declares the size of every" in n for n in d.shapes.notes)


def test_latex_escaped_twice_is_read_once():
    # reveal.js slides' Markdown: `\\begin{align} z\_{t} \&= \\sigma(W\_{z} \\cdot [h\_{t-1}, x\_{t}]) \\\\`, and `\$ ... \$`
    text = ("\\\\begin{align}\nz\\_{t} \\&= \\\\sigma(W\\_{z} \\\\cdot [h\\_{t-1}, x\\_{t}]) \\\\\\\\\n"
            "\\\\tilde{h}\\_{t} \\&= \\\\tanh(W \\\\cdot [h\\_{t-1}, x\\_{t}]) \\\\\\\\\n\\\\end{align}\n\n"
            "\\$ h\\_{t} = (1 - z\\_{t}) \\\\ast h\\_{t-1} + z\\_{t} \\\\ast \\\\tilde{h}\\_{t} \\$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * 5 * (5 + 7)
    # a LaTeX row break before a word is not an escape
    with pytest.raises(symcount.SymcountError):
        symcount.derive("$$ a \\\\sigma = 1 $$\n")


def test_an_equation_in_markdown_bold_and_a_probability_on_the_left():
    # a notebook's list item `**h_t = tanh(W_ih @ x_t + W_hh @ h_{t-1} + b)**`: the equation between the stars
    bold = "- At each time step t, RNN computes: **h_t = tanh(W_ih @ x_t + W_hh @ h_{t-1} + b)**\n"
    assert symcount.derive(bold).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False)) + 5
    # `p(y_t \mid x_{\le t}) = \text{softmax}(W_y h_t + b_y)`: the output y_t's distribution, its layer counted
    text = ("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n\n$$\np(y_t \\mid x_{\\le t}) = \\text{softmax}(W_y h_t + b_y)\n$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5, bias=False), nn.Linear(5, 3)) + 5


def test_words_after_a_row_break_label_the_row_and_a_quad_between_two_blocks():
    # a docstring's `... W_{ci} c_{t-1}) \\  input gate` (the label after the break, on its line)
    rows = "".join(f"            {g}_t = \\sigma(W_{{i{g}}} x_t + W_{{h{g}}} h_{{t-1}}) \\\\  {word} gate\n"
                   for g, word in (("i", "input"), ("f", "forget"), ("o", "output")))
    text = ("    .. math::\n        \\begin{array}{ll} \\\\\n" + rows +
            "            g_t = \\tanh(W_{ig} x_t + W_{hg} h_{t-1}) \\\\  input operate\n"
            "            c_t = f_t \\odot c_{t-1} + i_t \\odot g_t \\\\  output, cell state\n"
            "            h_t = o_t \\odot \\tanh(c_t) \\\\  output, hidden state\n        \\end{array}\n")
    assert symcount.derive(text, name="d.rst").evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5, bias=False))
    # Géron's `\left[\mathbf{X}_{(t)} \quad \mathbf{Y}_{(t-1)} \right] \mathbf{W}`: the two blocks side by side
    geron = ("$\n\\mathbf{y}_{(t)} = \\phi\\left({\\mathbf{W}_x}^T{\\mathbf{x}_{(t)}} + {{\\mathbf{W}_y}^T\\mathbf{y}_{(t-1)}} "
             "+ \\mathbf{b} \\right)\n$\n\n$\n\\begin{split}\n\\mathbf{Y}_{(t)} & = \\phi\\left(\\mathbf{X}_{(t)} \\mathbf{W}_{x} + "
             "\\mathbf{Y}_{(t-1)} \\mathbf{W}_{y} + \\mathbf{b} \\right) \\\\\n& = \\phi\\left(\n\\left[\\mathbf{X}_{(t)} \\quad "
             "\\mathbf{Y}_{(t-1)} \\right]\n  \\mathbf{W} + \\mathbf{b} \\right) \\text{ with } \\mathbf{W}=\n\\left[ \\begin{matrix}\n"
             "  \\mathbf{W}_x\\\\\n  \\mathbf{W}_y\n\\end{matrix} \\right]\n\\end{split}\n$\n")
    assert symcount.derive(geron).evaluate(d_x=7, d_y=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_angle_and_a_brace_swapped_by_a_slip():
    # `a^{<t-1}>` in a Chinese interview answer, beside `x^{<t>}`: the step before (a^{<t-1>})
    text = ("$$\n\\Gamma_u = \\sigma(W_u [a^{<t-1}>, x^{<t>}] + b_u) \\\\\n"
            "\\hat{c}^{<t>} = \\tanh (W_c [a^{<t-1}>, x^{<t>}] + b_c) \\\\\n"
            "c^{<t>} = \\Gamma_u * \\hat{c}^{<t>} + (1 - \\Gamma_u) * c^{<t-1>} \\\\\na^{<t>} = \\tanh(c^{<t>})\n$$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_a=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5


def test_markdown_bold_around_the_letters_of_plain_text_math():
    # CS224N's slides in Markdown: `**f**⁽ᵗ⁾ = σ( **W**_f **h**⁽ᵗ⁻¹⁾ + **U**_f **x**⁽ᵗ⁾ + **b**_f )`
    rows = "".join(f"  **{g}**⁽ᵗ⁾ = σ( **W**_{g} **h**⁽ᵗ⁻¹⁾ + **U**_{g} **x**⁽ᵗ⁾ + **b**_{g} )\n" for g in "fio")
    text = ("On timestep *t*:\n\n" + rows + "\n  **c̃**⁽ᵗ⁾ = tanh( **W**_c **h**⁽ᵗ⁻¹⁾ + **U**_c **x**⁽ᵗ⁾ + **b**_c )\n"
            "  **c**⁽ᵗ⁾ = **f**⁽ᵗ⁾ ⊙ **c**⁽ᵗ⁻¹⁾ + **i**⁽ᵗ⁾ ⊙ **c̃**⁽ᵗ⁾\n  **h**⁽ᵗ⁾ = **o**⁽ᵗ⁾ ⊙ tanh **c**⁽ᵗ⁾\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_equations_with_no_step_before_in_a_text_that_writes_one_are_refused():
    # a mermaid diagram's label holds the cell (`h<sub>t</sub> = tanh(W<sub>h</sub>[h<sub>t-1</sub>,x<sub>t</sub>] + b)`),
    # not read; the output `ŷ_t = σ(W_y h_t)` alone would be a short count
    text = ("```mermaid\nflowchart LR\n    H[[\"h<sub>t</sub> = tanh(W<sub>h</sub>[h<sub>t-1</sub>,x<sub>t</sub>] + b)\"]]\n"
            "```\n\n$$\\hat{y}_t = \\sigma(W_y h_t)$$\n")
    with pytest.raises(symcount.ShapeError, match="compute nothing from a step before"):
        symcount.derive(text)
    # a cell written in the form of torch's cells (no time index: `h' = ...`) is no such text
    assert symcount.derive("$$ h' = \\tanh(W x + U h + b) $$\n").evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_mathematica_calls_and_a_weight_dotted_with_a_glued_step():
    # Wolfram's docs: `st=Tanh[wi.xt+ws.st-1+b]`: Tanh applied (not a weight Tanh), `wi.xt` no object's field
    text = "ただし,st=Tanh[wi.xt+ws.st-1+b]である.\n"
    try:
        d = symcount.derive(text, name="w.txt")
    except symcount.SymcountError:
        return  # refused: `.` between a weight and a signal in a sentence is not read
    assert not any(p.name.lower() == "tanh" for p in d.parameters)
    assert d.evaluate(d_x=7, d_s=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_prose_that_says_some_weights_are_not_the_layers():
    # PaddlePaddle's LstmLayer: the paper's formula with W_{xi} x_t ..., then "These W_{xi}x_{t}, ... operations on the
    # input sequence were NOT included in LstmLayer": the formula as written is not the layer's count
    rows = "".join(f" * {g}_t = \\sigma(W_{{x{g}}}x_{{t}} + W_{{h{g}}}h_{{t-1}} + b_{g}) \\\\\n" for g in "ifo")
    text = ("/**\n * \\f[\n" + rows + " * c_t = f_t * c_{t-1} + i_t * \\tanh(W_{xc}x_t + W_{hc}h_{t-1} + b_c) \\\\\n"
            " * h_t = o_t tanh(c_t)\n * \\f]\n *\n * @note These \\f$W_{xi}x_{t}, W_{xf}x_{t}, W_{xc}x_{t}, W_{xo}x_{t}\\f$\n"
            " * operations on the input sequence were NOT included in LstmLayer. So\n * users should use fc_layer before.\n */\n")
    with pytest.raises(symcount.ShapeError, match="not included in the layer"):
        symcount.derive(text, name="l.h")
    d = symcount.derive(text, name="l.h", read={"excluded-weights": "as-written"})
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_label_in_capitals_after_a_rows_closing_parenthesis():
    # a Python comment's `n_t = \tanh( W_{in} x_t + b_{in} + r_t * (W_{hn} h_{(t-1)} + b_{hn})) NEW` (one space): a label
    text = ("    def forward(self, input, hx):\n        # Updates hidden state using the following rules:\n"
            "        # r_t = \\sigma(W_{ir} x_t + b_{ir} +        W_{hr} h_{(t-1)} + b_{hr})  RESET\n"
            "        # z_t = \\sigma(W_{iz} x_t + b_{iz} +        W_{hz} h_{(t-1)} + b_{hz})  UPDATE\n"
            "        # n_t = \\tanh( W_{in} x_t + b_{in} + r_t * (W_{hn} h_{(t-1)} + b_{hn})) NEW\n"
            "        # h_t = (1 - z_t) * n_t + z_t * h_{(t-1)}\n")
    assert symcount.derive(text, name="g.py").evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5))


def test_a_typed_otimes_between_two_operands():
    # Spanish notes: `H_tilde = tanh(X_t * W_xh + (R_t (x) H_{t-1}) * W_hh + b_h)`, `(x)` the elementwise product
    text = ("```\nR_t = σ(X_t * W_xr + H_{t-1} * W_hr + b_r)\n```\n\n```\nZ_t = σ(X_t * W_xz + H_{t-1} * W_hz + b_z)\n```\n\n"
            "```\nH_tilde = tanh(X_t * W_xh + (R_t (x) H_{t-1}) * W_hh + b_h)\n```\n\n"
            "```\nH_t = (1 - Z_t) (x) H_{t-1} + Z_t (x) H_tilde\n```\n")
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


# A third audit's inputs (tests/data/audit23c): the round's last rules misfiring (an equation in bold before `:`, a
# probability whose output the prose names, a capital weight after a parenthesis, `**ĥ_t = ...**`, prose that says
# something else is "not part of" the cell); each counted as the cell's equations say (sizes x 7, h 5, y 3)
AUDIT_C = {"f1": 83, "f1b": 83, "f2": 83, "f3": 80, "f4": 195, "f5": 260, "f6": 195, "f7": 65, "f7b": 65, "f7c": 65,
           "f8": 65, "f9": 83, "f9b": 83}


@pytest.mark.parametrize("name", sorted(AUDIT_C))
def test_a_third_audits_texts_are_counted(name):
    text = (Path(__file__).parent / "data" / "audit23c" / f"{name}.md").read_text(encoding="utf-8")
    d = symcount.derive(text, name=f"{name}.md")
    sizes = {k: v for k, v in {"d_x": 7, "d_h": 5, "d_y": 3}.items() if k in {str(s) for s in d.total.free_symbols}}
    assert d.evaluate(**sizes) == AUDIT_C[name]
