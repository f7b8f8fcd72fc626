"""Issue 17, twenty-sixth round: notations the waiting snippets of sets h30 to h32 showed. Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import ShapeError, SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


GRU_NO_BIAS_CAT = "\n".join(("$$ [", "r_t = \\sigma(W_r x_t + U_r h_{t-1} + b_r)", "] $$",
                             "$$[", "z_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)", "]$$",
                             "$$[", "\\tilde{h}_t = \\tanh(W_h x_t + U_h (r_t \\odot h_{t-1}) + b_h)", "]$$",
                             "$$[", "h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t", "]$$"))


def test_a_display_wrapped_in_brackets_on_lines_of_their_own_is_read_inside():
    d = symcount.derive("Let \\( x_t \\) be the input and \\( h_t \\) the hidden state.\n\n" + GRU_NO_BIAS_CAT)
    # one bias per gate: torch's GRUCell has two; its weights alone and one bias vector per gate
    cell = nn.GRUCell(7, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(cell) - 3 * 5


def test_a_remark_at_a_rows_end_after_an_alignment_mark_or_a_quad_is_prose():
    rows = ("$$\n\\begin{aligned}\n"
            "z_t &= \\sigma(W_z x_t + U_z h_{t-1} + b_z) && \\textit{update} \\\\\n"
            "r_t &= \\sigma(W_r x_t + U_r h_{t-1} + b_r) \\quad \\text{reset gate} \\\\\n"
            "\\tilde{h}_t &= \\tanh(W_h x_t + U_h (r_t \\odot h_{t-1}) + b_h) && \\text{(candidate)} \\\\\n"
            "h_t &= (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t && \\textit{state}\n"
            "\\end{aligned}\n$$\n")
    d = symcount.derive(rows)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_sizes_named_in_backticks_in_prose_and_a_count_under_a_heading_name_the_sizes():
    text = ("If input size is `d` and hidden size is `h`, the count is below.\n\n"
            "$$ r_t = \\sigma(W_r x_t + U_r h_{t-1} + b_r) $$\n$$ h_t = (1 - r_t) \\odot h_{t-1} + r_t \\odot \\tanh(W x_t) $$\n")
    d = symcount.derive(text)
    assert {str(s) for s in d.total.free_symbols} == {"d", "h"}
    assert d.evaluate(d=7, h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5, bias=False))
    slides = ("**Forget gate**:\n$$f_t = \\sigma(W_f [h_{t-1}; x_t] + b_f)$$\n\n"
              "$$h_t = f_t \\odot h_{t-1}$$\n\n---\n\n## Parameter Count\n\n$$n(n + d) + n = n(n + d + 1)$$\n")
    s = symcount.derive(slides)
    assert {str(x) for x in s.total.free_symbols} == {"n", "d"}  # the heading's formula names them
    assert s.evaluate(n=5, d=7) == n_params(nn.Linear(12, 5))


def test_a_docstrings_typed_arguments_name_the_input_and_hidden_sizes():
    julia = ('"""\n    GRU(isize::Int, hsize::Int; type::Type=Array{Float32})\n# Math\n'
             "    z = sigmoid(Wz * x + Uz * h .+ bz)\n    r = sigmoid(Wr * x + Ur * h .+ br)\n"
             "    c = tanh(   Wc * x + Uc * (r .* h) .+ bc )\n    h = z .* h + (1 - z) .* c\n\"\"\"\n")
    d = symcount.derive(julia)
    assert {str(s) for s in d.total.free_symbols} == {"isize", "hsize"}
    assert d.evaluate(isize=7, hsize=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    google = ('        """Elman RNN cell. Its update follows the equation\n'
              "        `h(t+1) = nonlinearity(W_h h(t) + W_x x(t+1) + b)`\n\n        Args:\n"
              "            idim (int): input dimension\n            hdim (int): hidden dimension\n        \"\"\"\n")
    e = symcount.derive(google)
    assert {str(s) for s in e.total.free_symbols} == {"idim", "hdim"}
    assert e.evaluate(idim=7, hdim=5) == n_params(nn.RNNCell(7, 5)) - 5
    bullets = ("The RNN update: $$h_t = \\tanh(x_t \\cdot W_{xh} + h_{t-1} \\cdot W_{hh} + b_h)$$\n\nInput:\n\n"
               "  • W_xh: input-to-hidden weights of shape (input_dim, hidden_dim)\n"
               "  • W_hh: hidden-to-hidden weights of shape (hidden_dim, hidden_dim)\n"
               "  • b_h: hidden bias of shape (hidden_dim,)\n")
    b = symcount.derive(bullets)
    assert {str(s) for s in b.total.free_symbols} == {"input_dim", "hidden_dim"}
    assert b.evaluate(input_dim=7, hidden_dim=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_equation_cut_short_in_running_text_is_a_mention():
    text = ("$$f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f)$$\n$$h_t = f_t \\odot h_{t-1} + (1 - f_t) \\odot \\tanh(W x_t)$$\n\n"
            "Look at the update: $h_t = f_t \\odot h_{t-1} + \\dots$. Its Jacobian is $f_t$.\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5, bias=False))


def test_a_codecogs_editor_address_and_katex_copies_wrapped_in_parentheses_are_math():
    url = ('<a href="http://www.codecogs.com/eqnedit.php?latex=\\fn_cm&space;\\large&space;\\begin{aligned}&space;'
           "z_t&=\\sigma(W_z\\cdot[h_{t-1};x_t])\\\\&space;h_t&=(1-z_t)\\odot&space;h_{t-1}&plus;z_t\\odot\\tanh(W_h\\cdot[h_{t-1};x_t])"
           '&space;\\end{aligned}"><img src="a.png" /></a>\n')
    d = symcount.derive(url, name="notes.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5, bias=False), nn.Linear(12, 5, bias=False))
    copies = ("- 实现:\n( f t = σ ( W f ⋅ [ h t − 1 , x t ] + b f ) ) (f_t = \\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f) ) "
              "(ft=σ(Wf⋅[ht−1,xt]+bf))\n"
              "( h t = f t ⊙ h t − 1 ) (h_t = f_t \\odot h_{t-1} ) (ht=ft⊙ht−1)\n")
    k = symcount.derive(copies, name="notes.txt")
    assert k.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(12, 5))


def test_a_label_with_an_arrow_before_an_equation_is_prose():
    text = ("$$\nI_t = \\sigma(X_t W_{xi} + H_{t-1} W_{hi} + b_i),\n$$\n"
            "$$\nInput node => \\tilde{C}_t = \\tanh(X_t W_{xc} + H_{t-1} W_{hc} + b_c),\n$$\n"
            "$$\nC_t = C_{t-1} + I_t \\odot \\tilde{C}_t.\n$$\n$$\nH_t = \\tanh(C_t).\n$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.Linear(12, 5), nn.Linear(12, 5))


def test_a_signal_defined_at_the_step_before_from_that_steps_signals_is_the_same_equation_at_t():
    text = ("$$\nh_t = \\tanh(W_x x_t + W_h h_{t-1} + b)\n$$\nWith recurrent dropout:\n"
            "$$\n\\tilde{h}_{t-1} = \\text{Dropout}(h_{t-1})\n$$\n$$\nh_t = \\tanh(W_x x_t + W_h \\tilde{h}_{t-1} + b)\n$$\n")
    d = symcount.derive(text)
    assert d.evaluate(**{str(s): (7 if "x" in str(s) else 5) for s in d.total.free_symbols}) == n_params(nn.RNNCell(7, 5)) - 5
    assert any("Dropout" in n and "at t" in n for n in d.shapes.notes)


def test_julias_broadcast_operators_and_vcat():
    code = ("function forward(cell::LSTMCell, x::Vector{Float64}, h_prev::Vector{Float64})\n"
            "    combined = vcat(x, h_prev)\n"
            "    ft = sigmoid(cell.Wf * combined .+ cell.bf)\n"
            "    c_tilde = tanh.(cell.Wc * combined .+ cell.bc)\n"
            "    h_next = ft .* h_prev .+ (1 .- ft) .* c_tilde\n"
            "    return h_next\nend\n")
    d = symcount.derive(code, name="notes.txt")
    assert d.evaluate(**{str(s): (7 if "x" in str(s) else 5) for s in d.total.free_symbols}) == n_params(nn.Linear(12, 5), nn.Linear(12, 5))


def test_arxivs_html_pasted_as_a_markdown_table_is_read_from_its_tex():
    row = "|  | {g}\\displaystyle {l} | ={r},\\displaystyle={t}, |  | ({n}) |\n|  |  |  |  |  |\n| --- | --- | --- | --- | --- |\n"
    text = ("The updates are given by\n\n|  |  |  |  |  |\n| --- | --- | --- | --- | --- |\n"
            + row.format(g="ft", l="f\\_{t}", r="σ(Wfxt+Ufht−1+bf)", t="\\sigma(W\\_{f}x\\_{t}+U\\_{f}h\\_{t-1}+b\\_{f})", n=28)
            + row.format(g="ht", l="h\\_{t}", r="ft⊙ht−1+tanh(Wcxt)", t="f\\_{t}\\odot h\\_{t-1}+\\tanh(W\\_{c}x\\_{t})", n=29)
            + "\nwhere ftf\\_{t} denotes the forget gate.\n")
    d = symcount.derive(text, name="paper.md")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5, bias=False))


def test_arithmetic_written_as_calls_is_the_operators():
    tf1 = ("    z_t = tf.sigmoid(tf.add(tf.add(tf.matmul(x_t, self.Wz), tf.matmul(h_prev, self.Uz)), self.bz))\n"
           "    h_t = tf.add(tf.multiply(z_t, h_prev), tf.multiply(1 - z_t, tf.tanh(tf.add(tf.matmul(x_t, self.Wh), self.bh))))\n")
    d = symcount.derive(tf1, name="cell.txt")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5))
    go = ("    zt = g.Sigmoid(g.Add(g.Add(g.Mul(Wz, x_t), g.Mul(Uz, h_prev)), Bz))\n"
          "    h_t = g.Add(g.HadamardProd(zt, h_prev), g.Tanh(g.Add(g.Mul(Wh, x_t), Bh)))\n")
    e = symcount.derive(go, name="cell.txt")
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5))


def test_a_comment_line_of_the_step_that_names_its_weights_in_words_is_read():
    text = ("/// Implements the standard GRU equations:\n"
            "///   r = sigmoid(W_ir * x + b_ir + W_hr * h + b_hr)     // reset gate\n"
            "///   z = sigmoid(W_iz * x + b_iz + W_hz * h + b_hz)     // update gate\n"
            "///   n = tanh(W_in * x + b_in + r * (W_hn * h + b_hn))  // new gate\n"
            "///   h' = (1 - z) * n + z * h                            // new hidden state\n"
            "///\n/// Output = head_weight * h' + head_bias\nclass GRUCell\n{\n};\n")
    d = symcount.derive(text, name="gru.h")
    sizes = {str(s): 5 if "h" in str(s) else 7 if "x" in str(s) else 1 for s in d.total.free_symbols}
    assert len(d.total.free_symbols) == 3  # the head's output size is not written: free, never guessed
    assert d.evaluate(**sizes) == n_params(nn.GRUCell(7, 5), nn.Linear(5, 1))


def test_gates_written_only_as_letters_without_equations_are_refused():
    lesson = ("A **LSTM** adiciona um estado de célula $c_t$ e três portões — *forget* $f$, *input* $i$, *output* $o$:\n"
              "$$ c_t = f \\odot c_{t-1} + i \\odot g, \\qquad h_t = o \\odot \\tanh(c_t), $$\nonde $g$ é um candidato.\n")
    with pytest.raises(ShapeError) as err:
        symcount.derive(lesson)
    assert "f, g, i, o" in str(err.value) and "gates' equations are not written" in str(err.value)
    question = "In wiki formula next:\nh_t = (1 - z) * h_t_previous + z * h_tilda.\n"
    with pytest.raises(ShapeError) as err:
        symcount.derive(question, name="q.txt")
    assert "z multiplies" in str(err.value)
    # a learned decay that is the cell's own parameter is counted: h_t = a ⊙ h_{t-1} + W x_t
    decay = symcount.derive("$$h_t = a \\odot h_{t-1} + W x_t$$\n")
    assert decay.evaluate(d_x=7, d_h=5) == 5 + n_params(nn.Linear(7, 5, bias=False))


def test_a_state_space_models_discretisation_in_running_text_is_no_step():
    text = ("`h(t + 1) = Ah(t) + Bx(t)`  (1)\n\n"
            "A parameter interacts with ∆ through $A = \\exp(\\Delta A)$ (discretisation equation).\n")
    with pytest.raises(SymcountError) as err:
        symcount.derive(text)
    assert "\\Delta" not in str(err.value).split("\n")[0] or "no equation" in str(err.value)


def test_a_signature_that_adds_a_recurrent_bias_by_default_beside_one_bias_per_gate_is_refused():
    doc = ("    FastRNNCell(input_size => hidden_size, [activation];\n        bias = true, recurrent_bias = true)\n\n"
           "```math\n\\begin{aligned}\n    \\tilde{\\mathbf{h}}(t) &= \\sigma\\left( \\mathbf{W}_{ih} \\mathbf{x}(t) +\n"
           "        \\mathbf{W}_{hh} \\mathbf{h}(t-1) + \\mathbf{b} \\right), \\\\\n"
           "    \\mathbf{h}(t) &= \\tilde{\\mathbf{h}}(t) + \\mathbf{h}(t-1)\n\\end{aligned}\n```\n")
    with pytest.raises(ShapeError) as err:
        symcount.derive(doc, name="doc.md")
    assert "recurrent_bias = true" in str(err.value) and "--read framework-biases=as-written" in str(err.value)
    written = symcount.derive(doc, name="doc.md", read={"framework-biases": "as-written"})
    assert written.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


CORNN = ("    coRNNCell(in_dims => out_dims;\n        use_bias=true, gamma=0.0, epsilon=0.0, dt=1.0)\n\n# Equations\n\n"
         "```math\n\\begin{aligned}\n"
         "    \\mathbf{c}(t) &= \\mathbf{c}(t-1) + \\Delta t \\, \\sigma\\left(\n"
         "        \\mathbf{W}_{ih} \\mathbf{x}(t) + \\mathbf{b}_{ih} +\n"
         "        \\mathbf{W}_{hh} \\mathbf{h}(t-1) + \\mathbf{b}_{hh} +\n"
         "        \\mathbf{W}_{ch} \\mathbf{c}(t-1) + \\mathbf{b}_{ch} \\right)\n"
         "        - \\Delta t \\, \\gamma \\, \\mathbf{h}(t-1) - \\Delta t \\, \\epsilon \\,\n"
         "        \\mathbf{c}(t), \\\\\n"
         "    \\mathbf{h}(t) &= \\mathbf{h}(t-1) + \\Delta t \\, \\mathbf{c}(t)\n\\end{aligned}\n```\n\n"
         "# Arguments\n\n- `in_dims`: Input Dimension\n- `out_dims`: Output (Hidden State & Memory) Dimension\n")


def test_an_odes_step_size_and_a_signatures_numbers_are_constants():
    d = symcount.derive(CORNN, name="cornn.md")
    assert {str(s) for s in d.total.free_symbols} == {"in_dims", "out_dims"}
    # W_ih, W_hh, W_ch with their biases: Δt, γ and ε are the signature's numbers, not counted
    assert d.evaluate(in_dims=7, out_dims=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5), nn.Linear(5, 5))
    # without the signature's numbers, whether γ is learned is open: refused with both readings
    with pytest.raises(ShapeError) as err:
        symcount.derive(CORNN.replace("gamma=0.0, epsilon=0.0, dt=1.0", "init_gamma=0.0"), name="cornn.md")
    assert "\\gamma=learned" in str(err.value) and "\\gamma=constant" in str(err.value)


def test_a_bias_a_docstring_names_that_no_equation_uses_is_refused():
    doc = ('    r"""A cell.\n\n    .. math::\n        h(t) = \\tanh(\\mathbf{W}_{ih} x(t) + \\mathbf{b}_{ih} + \\mathbf{W}_{hh} h(t-1))\n\n'
           "    Args:\n        bias (bool, optional): If ``False``, the cell does not use bias terms\n"
           "            :math:`\\mathbf{b}_{ih}` and :math:`\\mathbf{b}_{hh}`. Default: ``True``.\n    \"\"\"\n")
    with pytest.raises(ShapeError) as err:
        symcount.derive(doc, name="cell.rst")
    assert "b_{hh}" in str(err.value) and "not the whole cell" in str(err.value)


def test_a_likelihood_display_is_no_step_and_and_joins_two_definitions():
    text = ("$$P(y_{1:U} \\mid x_{1:T}) = \\prod_{u=1}^{U} P(y_u \\mid y_{<u}, c)$$\n\n"
            "$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    code = ('/// The minGRU simplification:\n'
            '/// <code>\n'
            '///   z_t = sigma(W_z * x_t + b_z)                            -- gate depends ONLY on input\n'
            '///   h_tilde_t = W_h * x_t + b_h                             -- candidate depends ONLY on input\n'
            '///   h_t = (1 - z_t) . h_{t-1} + z_t . h_tilde_t            -- simple gated interpolation\n'
            '/// </code>\n'
            '/// </para>\n'
            '/// <para>\n'
            '/// <b>Why this enables parallel training:</b> Because z_t and h_tilde_t depend only on x_t (not h_{t-1}),\n'
            '/// they can be precomputed for all timesteps in parallel. The recurrence h_t = (1-z_t)*h_{t-1} + z_t*h_tilde_t\n'
            '/// is then a linear first-order recurrence of the form h_t = a_t*h_{t-1} + b_t where a_t = (1-z_t) and\n'
            '/// b_t = z_t*h_tilde_t are known constants. Linear recurrences can be solved with parallel prefix sum\n'
            '/// (also called parallel scan) in O(log n) parallel time, compared to O(n) for sequential RNNs.\n'
            '/// </para>\n')  # AiDotNet's minGRU docstring, verbatim
    d = symcount.derive(code, name="min.cs")
    assert "and" not in {p.name for p in d.parameters}
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(7, 5))


def test_an_inner_product_written_as_a_sum_over_an_index_is_one_number():
    text = "$$h_t = a \\odot h_{t-1} + W x_t,\\qquad y_t = \\sum_n c_n h_{t,n}.$$\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 5 + n_params(nn.Linear(7, 5, bias=False)) + n_params(nn.Linear(5, 1, bias=False))
    assert any("inner product" in n for n in d.shapes.notes)


def test_a_legend_of_declarations_named_in_words_and_input_units_in_prose():
    text = ("I'll assume we have $h$ hidden units, training sequences of size $n$, and $d$ input units.\n\n"
            "$$\n\\begin{align}\n\\text{input-units} &= x_i \\in \\mathbb{R}^d \\\\\n"
            "\\text{hidden-layer} &= H_t \\in \\mathbb{R}^{n\\times h}\n\\end{align}\n$$\n\n"
            "$$\nf_t = \\sigma(W_{xf}x_t + W_{hf}h_{t-1} + b_f)\n$$\n\n$$\nh_t = f_t \\odot h_{t-1}\n$$\n")
    d = symcount.derive(text)
    assert {str(s) for s in d.total.free_symbols} == {"d", "h"}
    assert d.evaluate(d=7, h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))


def test_a_capital_glued_to_a_signal_at_the_step_is_their_product():
    text = ("$$h'(t) = Ah(t) + Bx(t)$$\n$$y(t) = Ch(t) + Dx(t)$$\n\n"
            "where $h(t) \\in \\mathbb{R}^N$ is the hidden state and $x(t) \\in \\mathbb{R}^M$ the input.\n")
    d = symcount.derive(text)
    assert d.evaluate(N=5, M=3, d_y=2) == 25 + 15 + 10 + 6
