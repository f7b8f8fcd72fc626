"""Issue 17, twenty-seventh round: notations the held-out set h35 and the waiting snippets showed. Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def test_a_kernel_written_with_a_matrix_to_a_steps_power_counts_that_matrix_once():
    text = ("A linear SSM\n$$\n  h_t = A h_{t-1} + B x_t, \\qquad y_t = C h_t\n$$\n"
            "expands to a convolution with \\(W_{\\Delta t} = C A^{\\Delta t} B\\), the shared matrices \\(A,B,C\\).\n")
    d = symcount.derive(text)
    # A (h x h), B (h x x), C (y x h): three bias-free linear maps
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.Linear(5, 5, bias=False), nn.Linear(7, 5, bias=False),
                                                       nn.Linear(5, 3, bias=False))
    assert any("to the power of a step's length" in n for n in d.shapes.notes)
    # a superscript that is an index stays a name of its own: W^{xh} beside W
    e = symcount.derive("$$h_t = \\tanh(W^{xh} x_t + W h_{t-1})$$")
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))


GRU_ROWS = ("z_t &= \\sigma(W_z x_t + U_z h_{t-1} + b_z) \\\\\n"
            "h_t &= z_t \\odot h_{t-1} + (1 - z_t) \\\\\n"
            "&\\tanh(W x_t + U h_{t-1} + b)\n")


def test_a_row_that_goes_on_with_a_product_without_an_operator_is_one_equation():
    d = symcount.derive("\\begin{align*}\n" + GRU_ROWS + "\\end{align*}\n")
    # (1 - z_t) times the candidate: its W, U and b are counted (they were lost with the row)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False)) * 2
    # a row with its own relation stays a row
    e = symcount.derive("\\begin{align*}\nh_t &= \\sigma(W_z x_t + U_z h_{t-1} + b_z) \\\\\n&(\\text{update})\n\\end{align*}")
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False))


def test_a_texts_own_shorthand_for_an_equation_environment_is_math():
    text = ("the reset gate is\n\\beq\n r_t \\triangleq \\sigma(U^{(r)} x_t + W^{(r)} h_{t-1}),\n\\eeq\n"
            "and the state\n\\beq\n h_t \\triangleq r_t \\circ h_{t-1} + (1 - r_t) \\circ \\tanh(W x_t + U h_{t-1})\n\\eeq\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))
    # `\be` that never closes is prose (a macro of the text's), not an unclosed region
    assert symcount.derive("Let $\\be$ be a vector.\n$$h_t = \\tanh(W x_t + U h_{t-1})$$").evaluate(d_x=7, d_h=5) == 60


def test_commands_of_the_texts_own_that_take_the_step_are_symbols_at_that_step():
    pair = ("\\begin{align*}\n\\angless{\\tilde{c}}{t}&=\\tanh\\left(W_c\\left[\\Gamma_r\\ast \\angless{c}{t-1},\\angless{x}{t}\\right]+b_c\\right)\\\\\n"
            "\\Gamma_r&=\\sigma\\left(W_r\\left[\\angless{c}{t-1},\\angless{x}{t}\\right]+b_r\\right)\\\\\n"
            "\\angless{c}{t}&=\\Gamma_r\\ast \\angless{\\tilde{c}}{t}+\\left(1-\\Gamma_r\\right)\\ast \\angless{c}{t-1}\n\\end{align*}\n")
    d = symcount.derive(pair)
    assert d.evaluate(d_x=7, d_c=5) == 2 * n_params(nn.Linear(12, 5))
    one = ("\\begin{equation}\n\\begin{split}\n\\egva{t} &= \\vb + \\vW\\egvh{t-1} + \\vU\\egvx{t} \\\\\n"
           "\\egvh{t} &= \\tanh(\\egva{t})\n\\end{split}\n\\end{equation}\n")
    e = symcount.derive(one)
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5  # one bias


def test_a_scraped_pages_inline_katex_copies_read_as_their_tex():
    line = ("时间步的隐藏变量共同决定: H t = ϕ ( X t W x h + H t − 1 W h h + b h ) \\boldsymbol{H}_t=\\phi \\left( \\boldsymbol{X}_t"
            "\\boldsymbol{W}_{xh}+\\boldsymbol{H}_{t-1}\\boldsymbol{W}_{hh}+\\boldsymbol{b}_h \\right) Ht=ϕ(XtWxh+Ht1Whh+bh) 输出")
    d = symcount.derive(line + "\n")
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_upright_sign_a_negative_line_skip_and_an_equation_run_on_into_the_next_inline_math():
    text = ("Reset Gate:\\\\\n$r_t = \\sigma(H [h_{t-1}, x_t])$\\\\[-2pt]\n\n"
            "Proposed Input:\\\\\n$\\tilde{h}_t = \\tanh(V[r_t \\odot h_{t-1}, x_t])$\\\\[-2pt]\n\n"
            "\\resizebox{\\linewidth}{!}{$h_t = (1\\text{-}\\sigma(G[h_{t\\text{-}1}, x_{t}])) \\odot h_{t\\text{-}1}$}\n\n"
            "\\hspace{7pt} $+\\ \\sigma(G[h_{t\\text{-}1}, x_{t}]) \\odot \\tilde h_t$\\\\[-2pt]\n")
    d = symcount.derive(text)
    # H, V, G: three bias-free maps of [h; x]; the candidate's size is the state's (the run-on term adds them)
    assert d.evaluate(d_x=7, d_h=5) == 3 * n_params(nn.Linear(12, 5, bias=False))


def test_a_weight_the_text_says_is_usually_zero_is_two_readings():
    text = ("dx/dt = A x(t) + B u(t)\ny(t) = C x(t) + D u(t)\n\nWhere:\n  x(t) ∈ ℝ^N   (hidden state)\n"
            "  u(t) ∈ ℝ     (input)\n  y(t) ∈ ℝ     (output)\n  A ∈ ℝ^(N×N)\n  B ∈ ℝ^(N×1)\n  C ∈ ℝ^(1×N)\n  D ∈ ℝ        (feedthrough, usually 0)\n")
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(text)
    assert "--read D=parameter" in str(err.value) and "--read D=zero" in str(err.value)
    n = 4
    ssm = n_params(nn.Linear(n, n, bias=False), nn.Linear(1, n, bias=False), nn.Linear(n, 1, bias=False))
    assert symcount.derive(text, read={"D": "zero"}).evaluate(N=n) == ssm
    assert symcount.derive(text, read={"D": "parameter"}).evaluate(N=n) == ssm + 1


def test_a_documented_num_layers_argument_is_said_and_layers_count_as_asked():
    doc = ("    .. math::\n        h_t = \\tanh(x_t W_{ih}^T + b_{ih} + h_{t-1}W_{hh}^T + b_{hh})\n\n    Args:\n"
           "        input_size: The number of expected features in the input `x`\n"
           "        hidden_size: The number of features in the hidden state `h`\n"
           "        num_layers: Number of recurrent layers. E.g., setting ``num_layers=2``\n"
           "            would mean stacking two RNNs together. Default: 1\n")
    one = symcount.derive(doc)
    assert any(n.startswith("num_layers at") and "1 by default" in n for n in one.shapes.notes)
    assert one.evaluate(input_size=7, hidden_size=5) == n_params(nn.RNN(7, 5))
    two = symcount.derive(doc, layers=2)
    assert two.evaluate(input_size=7, hidden_size=5) == n_params(nn.RNN(7, 5, num_layers=2))


def test_a_word_processors_dash_and_prime_and_a_scrapers_question_mark():
    text = ("$$ f_t = \\sigma(W_f x_t + U_f h_{t-1}) $$\n"
            "$$ h_t = f_t \\odot{?\\mathbf{h}_{t-1}} + (1 – f_t) \\odot h_t’ $$\n"
            "$$ h_t’ = \\tanh(W x_t + U h_{t-1}) $$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))


CS231N = ("at each timestep we receive an input $x_t\\in\\mathbb{R}^D$ and the previous hidden state $h_{t-1}\\in\\mathbb{R}^H$. "
          "The learnable parameters are $W_x\\in\\mathbb{R}^{4H\\times D}$, $W_h\\in\\mathbb{R}^{4H\\times H}$ and $b\\in\\mathbb{R}^{4H}$.\n\n"
          "We first compute an activation vector $a\\in\\mathbb{R}^{4H}$ as $a=W_xx_t + W_hh_{t-1}+b$. We then divide this into "
          "four vectors $a_i,a_f,a_o,a_g\\in\\mathbb{R}^H$ where $a_i$ consists of the first $H$ elements of $a$. Then\n\n"
          "$$\n\\begin{align*}\ni = \\sigma(a_i) \\hspace{2pc}\nf = \\sigma(a_f) \\hspace{2pc}\no = \\sigma(a_o) \\hspace{2pc}\n"
          "g = \\tanh(a_g)\n\\end{align*}\n$$\n\n$$\nc_{t} = f\\odot c_{t-1} + i\\odot g \\hspace{4pc}\nh_t = o\\odot\\tanh(c_t)\n$$\n")


def test_a_signal_the_prose_divides_into_named_pieces_is_stacked_of_them_not_weights():
    d = symcount.derive(CS231N)
    assert d.evaluate(D=7, H=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one bias vector of 4H
    assert any("is divided into a_i, a_f, a_o, a_g" in n for n in d.shapes.notes)


def test_the_same_step_restated_in_capitals_over_a_batch_is_a_remark():
    text = CS231N + ("\nIn the code, data is stored in batches so that $X_t \\in \\mathbb{R}^{N\\times D}$, with *transposed* "
                     "parameters $W_x \\in \\mathbb{R}^{D \\times 4H}$, $W_h \\in \\mathbb{R}^{H\\times 4H}$ so that activations "
                     "$A \\in \\mathbb{R}^{N\\times 4H}$ are computed as $A = X_t W_x + H_{t-1} W_h$\n")
    d = symcount.derive(text)
    assert d.evaluate(D=7, H=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert any("restates a in capitals" in n for n in d.shapes.notes)


# The audit of this round's rules: each input below once gave a wrong count or lost a right one.
@pytest.mark.parametrize("text, sizes, modules", [
    # a command of one argument alone, whose last letter is a bias's: no b_t (W x_e + U h + b, three tensors)
    ("The recurrence reads the embedded token $\\emb{t}$:\n\\begin{equation}\nh_t = \\tanh(W \\emb{t} + U h_{t-1} + b)\n"
     "\\end{equation}\n", None, None),
    # a weight named W^{\Delta t}, declared, beside W: its own vector
    ("$$h_t = \\tanh(W x_t + U h_{t-1} + W^{\\Delta t}\\, \\Delta t + b)$$\n\nHere $W^{\\Delta t} \\in \\mathbb{R}^{d_h}$ "
     "weights the elapsed time and $W \\in \\mathbb{R}^{d_h \\times d_x}$ the input.\n", dict(d_x=7, d_h=5),
     lambda: (nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(1, 5, bias=False))),
    # two inline KaTeX copies on one line, prose words before the second's glyphs: both read
    ("The hidden state follows H t = ϕ ( X t W x h + H t − 1 W h h + b h ) \\mathbf{H}_t = \\phi(\\mathbf{X}_t \\mathbf{W}_{xh} + "
     "\\mathbf{H}_{t-1} \\mathbf{W}_{hh} + \\mathbf{b}_h) Ht=ϕ(XtWxh+Ht−1Whh+bh) and the output of the layer is O t = H t W h q + b q "
     "\\mathbf{O}_t = \\mathbf{H}_t \\mathbf{W}_{hq} + \\mathbf{b}_q Ot=HtWhq+bq .\n", dict(d_X=7, d_H=5, d_O=3),
     lambda: (nn.RNNCell(7, 5, bias=False), nn.Linear(1, 5, bias=False), nn.Linear(5, 3))),
    # an operator's math at the start of the next paragraph, prose after it: not the equation's
    # (its bias "left out in this note for brevity" is refused since round 36: test_readings_round36)
    ("The update is $h_t = \\tanh(W x_t + U h_{t-1} + b)$\n\n$\\times$ 4 gates in an LSTM: $i_t$, $f_t$, $o_t$, $g_t$.\n",
     dict(d_x=7, d_h=5), lambda: (nn.Linear(7, 5), nn.Linear(5, 5, bias=False))),
    # "usually"/"commonly" zero of an initialisation or an inference setting: no reading of its own
    ("$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n\nwhere\n- $W$: input-to-hidden weights\n- $U$: hidden-to-hidden weights\n"
     "- $b$: bias vector; it is commonly zero-initialized.\n", dict(d_x=7, d_h=5),
     lambda: (nn.Linear(7, 5), nn.Linear(5, 5, bias=False))),
    # a closing annotation row with a relation of its own (\equiv): a row, not the product's rest
    ("\\begin{align*}\nr_t &= \\sigma(W_r x_t + U_r h_{t-1} + b_r) \\\\\nz_t &= \\sigma(W_z x_t + U_z h_{t-1} + b_z) \\\\\n"
     "\\tilde h_t &= \\tanh(W x_t + U(r_t \\odot h_{t-1}) + b) \\\\\nh_t &= z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tilde h_t \\\\\n"
     "&(h_0 \\equiv 0)\n\\end{align*}\n", dict(d_x=7, d_h=5), lambda: (nn.GRUCell(7, 5, bias=False), nn.Linear(1, 15, bias=False))),
    # an output layer written with a gate's capital (O_t beside o_t) brings weights of its own: not a restatement
    ("$$\n\\begin{aligned}\ni_t &= \\sigma(W_i x_t + U_i h_{t-1} + b_i) \\\\\nf_t &= \\sigma(W_f x_t + U_f h_{t-1} + b_f) \\\\\n"
     "o_t &= \\sigma(W_o x_t + U_o h_{t-1} + b_o) \\\\\ng_t &= \\tanh(W_g x_t + U_g h_{t-1} + b_g) \\\\\n"
     "c_t &= f_t \\odot c_{t-1} + i_t \\odot g_t \\\\\nh_t &= o_t \\odot \\tanh(c_t)\n\\end{aligned}\n$$\n\n"
     "with $x_t \\in \\mathbb{R}^d$ and $h_t \\in \\mathbb{R}^n$. An output layer then gives the scores $O_t = W_q h_t + b_q$, "
     "where $W_q \\in \\mathbb{R}^{k \\times n}$.\n", dict(d=7, n=5, k=3),
     lambda: (nn.LSTMCell(7, 5, bias=False), nn.Linear(1, 20, bias=False), nn.Linear(5, 3))),
    # weights named with the letter of a matrix-valued signal after "break ... into": weights, not its pieces
    ("A fast weight programmer keeps a fast weight matrix $W_t$. We break each step into two parts: the slow projections "
     "$W_k$, $W_v$, $W_q$ produce a key, a value and a query:\n\n$$\n\\begin{aligned}\n"
     "k_t &= W_k x_t, \\quad v_t = W_v x_t, \\quad q_t = W_q x_t \\\\\nW_t &= W_{t-1} + v_t k_t^\\top \\\\\ny_t &= W_t q_t\n"
     "\\end{aligned}\n$$\n\nwith $x_t \\in \\mathbb{R}^{d}$ and $k_t, v_t, q_t \\in \\mathbb{R}^{m}$.\n", dict(d=7, m=5),
     lambda: (nn.Linear(7, 5, bias=False), nn.Linear(7, 5, bias=False), nn.Linear(7, 5, bias=False))),
    # \tfrac{1}{2}: LaTeX's own command, not a step's
    ("\\begin{equation}\nh_t = \\tfrac{1}{2} h_{t-1} + \\tfrac{1}{2}\\tanh(W x_t + U h_{t-1} + b)\n\\end{equation}\n",
     dict(d_x=7, d_h=5), lambda: (nn.Linear(7, 5), nn.Linear(5, 5, bias=False))),
])
def test_the_rounds_rules_leave_these_as_they_were(text, sizes, modules):
    if sizes is None:
        with pytest.raises(symcount.SymcountError):
            symcount.derive(text)
        return
    assert symcount.derive(text).evaluate(**sizes) == n_params(*modules())


def test_a_docstrings_shapes_with_sizes_in_two_words_and_a_number_after_its_factor():
    doc = ("    Attributes:\n        x (Tensor): Input data tensor (input_size, sequence_length * batch_size)\n"
           "        W_input (Tensor): Weights on the input units (out size * 3, input size)\n"
           "        W_recur (Tensor): Weights on the recursive inputs (out size * 3, out size)\n"
           "        b (Tensor): Biases (out size * 3 , 1)\n")
    d = symcount.derive(doc)
    # neon's GRU: the three gates' weights stacked, one bias
    assert d.evaluate(input_size=7, out_size=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_a_functions_sign_standing_alone_is_refused_with_a_place_not_a_crash():
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive("$$ h_t = √^2 + W x_t $$\n")
    assert "is not applied to anything" in str(err.value)


def test_a_docstring_entry_whose_shape_wraps_onto_the_next_line():
    doc = ("    Attributes:\n        W_input (Tensor): Weights on the input units\n            (out size * 3, input size)\n"
           "        W_recur (Tensor): Weights on the recursive inputs\n            (out size * 3, out size)\n"
           "        b (Tensor): Biases (out size * 3 , 1)\n")
    assert symcount.derive(doc).evaluate(input_size=7, out_size=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_a_numbered_function_the_text_calls_an_activation():
    text = ("- s_t=g1(U·x_t+W·s_{t-1}+b_s) 。 g1() 是激活函數, b_s 是偏置。\n"
            "- o_t=g2(V·s_t+b_o) 。 g2() 是激活函數, b_o 是偏置。\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=5, d_s=4, d_o=2) == n_params(nn.RNNCell(5, 4), nn.Linear(4, 2)) - 4


def test_a_signal_said_to_have_dimension_n_by_m_examples_and_a_greek_letters_case_slipped():
    coursera = ("1. Compute the hidden state: $a^{\\langle t \\rangle} = \\tanh(W_{aa} a^{\\langle t-1 \\rangle} + W_{ax} x^{\\langle t \\rangle} + b_a)$.\n\n"
                "We will vectorize over $m$ examples. Thus, $x^{\\langle t \\rangle}$ will have dimension $(n_x,m)$, and "
                "$a^{\\langle t \\rangle}$ will have dimension $(n_a,m)$.\n")
    d = symcount.derive(coursera)
    assert d.evaluate(n_x=7, n_a=5) == n_params(nn.RNNCell(7, 5)) - 5
    lstm = ("\\begin{alignat}{2} \\Gamma_{f} &= \\sigma([h_{t-1}, x_{t}]W_{f} + b_{f}) \\newline "
            "\\Gamma_{i} &= \\sigma([h_{t-1}, x_{t}]W_{i} + b_{i}) \\newline C_{t}^{\\prime} &= tanh([h_{t-1}, x_{t}]W_{c} + b_{c}) \\newline "
            "C_{t} &= \\Gamma_{f} \\odot C_{t-1} + \\Gamma_{i} \\odot C_{t}^{\\prime} \\newline "
            "\\Gamma_{o} &= \\sigma([h_{t-1}, x_{t}]W_{o} + b_{o}) \\newline h_{t} &= \\gamma_{o} \\odot tanh(C_{t}) \\end{alignat}\n")
    e = symcount.derive(lstm)
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert any("\\gamma_o" in n and "other case" in n for n in e.shapes.notes)


def test_a_texts_own_command_for_the_reals():
    text = "$x_t \\in \\RR^{d}$, $h_t \\in \\RR^{n}$\n$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n"
    assert symcount.derive(text).evaluate(d=7, n=5) == n_params(nn.RNNCell(7, 5)) - 5
