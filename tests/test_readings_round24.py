"""Issue 17, twenty-fourth round: what the leftovers of sets h25 to h27 showed (a count the text states,
code whose comments cannot be read, glosses, links with `<t>`, `x_t * W` left open). Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


MGU = ("MGU reduces GRU to a single gate:\n$$f_t = \\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)$$\n"
       "$$h_t = (1 - f_t) \\odot h_{t-1} + f_t \\odot \\tanh(W_h \\cdot [(1-f_t) \\odot h_{t-1}, x_t] + b_h)$$\n\n"
       "**Parameter Reduction**:\n$$\\text{MGU Parameters} = 2h(h + d + 1)$$\n")


def test_a_count_the_text_states_names_the_sizes_as_the_text_does():
    d = symcount.derive(MGU)
    assert sorted(d.counts.dims) == ["d", "h"]  # the text's h and d, not d_h and d_x
    assert d.evaluate(h=5, d=7) == n_params(nn.Linear(12, 5), nn.Linear(12, 5))
    assert any("the count is the one the text states, 2h(h + d + 1)" in n for n in d.shapes.notes)
    # a formula that is not the count, nor a part of it: refused since round 31 (an equation misread, or another
    # cell's count); --read stated=equations counts the equations, the sizes keep symcount's names, with a note
    with pytest.raises(symcount.SymcountError, match="no reading of its equations gives it"):
        symcount.derive(MGU.replace("2h(h + d + 1)", "2h(h + d + 2)"))
    other = symcount.derive(MGU.replace("2h(h + d + 1)", "2h(h + d + 2)"), read={"stated": "equations"})
    assert sorted(other.counts.dims) == ["d_h", "d_x"]
    assert any("the text writes a count, 2h(h + d + 2)" in n and "do not give" in n for n in other.shapes.notes)
    # a sentence that compares with another cell is not the text's own count
    compared = symcount.derive(MGU.replace("**Parameter Reduction**:\n$$\\text{MGU Parameters} = 2h(h + d + 1)$$",
                                           "Compare with LSTM's parameters: $4h(h + d + 1)$"))
    assert not any("text writes a count" in n or "text states" in n for n in compared.shapes.notes)


def test_a_stated_count_in_a_box_or_an_aligned_block_after_the_sentence():
    gru = ("$$z_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)$$\n$$r_t = \\sigma(W_r x_t + U_r h_{t-1} + b_r)$$\n"
           "$$\\tilde{h}_t = \\tanh(W_h x_t + U_h (r_t \\odot h_{t-1}) + b_h)$$\n"
           "$$h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t$$\n\n")
    boxed = symcount.derive(gru + "**Total parameters:**\n\n$$\\boxed{3 \\times [n(n + d) + n] = 3n(n + d + 1)}$$\n")
    assert sorted(boxed.counts.dims) == ["d", "n"] and boxed.evaluate(n=5, d=7) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    # the text's count in an equation of its own (`P = ...`, no size declared): a formula of the sizes it states, set aside
    aligned = symcount.derive(gru + "> The total number of parameters is given by:\n> $$\n\\begin{align*}\n"
                              "P &= 3 \\times n(n + d) + 3n \\\\\n&= 3n(n + d + 1)\\quad\\blacksquare\n\\end{align*}\n> $$\n")
    assert sorted(aligned.counts.dims) == ["d", "n"] and aligned.evaluate(n=5, d=7) == boxed.evaluate(n=5, d=7)
    assert any("is a formula of the sizes" in n for n in aligned.shapes.notes)


def test_a_stated_count_picks_among_readings_and_without_it_they_are_listed():
    # Spanish notes: `X_t*W_xf` (a row vector times W, or elementwise?), then "Total: ... (4 * (d*h + h*h + h))"
    lstm = ("```\nLSTM:\n   F_t = σ(X_t*W_xf + H_{t-1}*W_hf + b_f)     <- Forget gate\n"
            "   I_t = σ(X_t*W_xi + H_{t-1}*W_hi + b_i)     <- Input gate\n"
            "   O_t = σ(X_t*W_xo + H_{t-1}*W_ho + b_o)     <- Output gate\n"
            "   C_tilde = tanh(X_t*W_xc + H_{t-1}*W_hc + b_c)  <- Candidato\n"
            "   C_t = F_t * C_{t-1} + I_t * C_tilde             <- Estado celda\n"
            "   H_t = O_t * tanh(C_t)                            <- Estado oculto\n\n")
    d = symcount.derive(lstm + "   Total: 4 conjuntos de pesos (4 * (d*h + h*h + h))\n```\n")
    assert d.evaluate(d=7, h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert any("of the readings it allows, the ones that give that count are counted" in n for n in d.shapes.notes)
    # without it, the text does not say: refused, with the option that says it
    with pytest.raises(symcount.ShapeError, match="cannot tell what \\* means") as exc:
        symcount.derive(lstm + "```\n")
    assert "--read 'X_t*=elementwise'" in exc.value.hint
    # a stated count that no reading gives: the readings are listed, none printed
    with pytest.raises(symcount.ShapeError, match="4 readings with different counts"):
        symcount.derive(lstm + "   Total: 4 conjuntos de pesos (4 * (d*h + h*h + 2*h))\n```\n")


GATES = '''
class InputGate(nn.Module):
    """
    Input gate of an LSTM.
    Calculates i = sigmoid(X_t@W_xi + H_t-1@W_hi + b_i)
    """
    def __init__(self, input_dim, hidden_dim, sigma):
        super().__init__()
        self.W_xi = nn.Parameter(torch.randn(input_dim, hidden_dim)*sigma, requires_grad=True)
        self.W_hi = nn.Parameter(torch.randn(hidden_dim, hidden_dim)*sigma, requires_grad=True)
        self.b_i = nn.Parameter(torch.randn(1, hidden_dim)*sigma, requires_grad=True)

    def forward(self, x, h):
        return torch.sigmoid(torch.matmul(x, self.W_xi) + torch.matmul(h, self.W_hi) + self.b_i)


class InputNode(nn.Module):
    """
    Input node of an LSTM.
    Calculates ~C = tanh(X_t@W_xc + H_t-1@W_hc + b_c)
    """
    def __init__(self, input_dim, hidden_dim, sigma):
        super().__init__()
        self.W_xc = nn.Parameter(torch.randn(input_dim, hidden_dim)*sigma, requires_grad=True)
        self.W_hc = nn.Parameter(torch.randn(hidden_dim, hidden_dim)*sigma, requires_grad=True)
        self.b_c = nn.Parameter(torch.randn(1, hidden_dim)*sigma, requires_grad=True)

    def forward(self, x, h):
        return torch.tanh(torch.matmul(x, self.W_xc) + torch.matmul(h, self.W_hc) + self.b_c)


class Cell(nn.Module):
    def __init__(self, input_dim, hidden_dim, sigma=0.01):
        super().__init__()
        self.input_gate = InputGate(input_dim, hidden_dim, sigma)
        self.input_node = InputNode(input_dim, hidden_dim, sigma)
'''


def test_code_whose_docstrings_cannot_be_read_is_counted_by_what_it_declares():
    d = symcount.derive(GATES, name="gates.py")
    scope: dict = {"nn": nn, "torch": torch}
    exec(compile(GATES, "gates.py", "exec"), scope)  # the test's own oracle: the code itself, run by torch
    assert d.evaluate(input_dim=7, hidden_dim=5) == n_params(scope["Cell"](7, 5))
    assert any("are not read" in n and "gates.py:20" in n for n in d.shapes.notes)
    # a module the code's table does not know: the math's error is the one reported, not the code's
    with pytest.raises(symcount.ParseError, match="unexpected 'C'"):
        symcount.derive(GATES.replace("nn.Parameter(torch.randn(input_dim, hidden_dim)*sigma, requires_grad=True)",
                                      "Foo(input_dim, hidden_dim)"), name="gates.py")


RNN = "$$\nh_t = \\tanh(W_h h_{t-1} + W_x x_t)\n$$\n"


def test_glosses_derivatives_contrasts_and_links_that_define_nothing():
    plain = symcount.derive(RNN).evaluate(d_x=7, d_h=5)
    assert plain == n_params(nn.RNNCell(7, 5, bias=False))
    # `$\tilde c^{<t>} =$ candidate for ...`: nothing on the right side, the words say what it is
    assert symcount.derive("$\\tilde c^{<t>} =$ candidate for overwriting $c^{<t>}$.\n\n" + RNN).evaluate(d_x=7, d_h=5) == plain
    # a table's cell with a derivative, `$\tanh'(a_t)=1-h_t^2$`
    assert symcount.derive(RNN + "\n| saturated | $|h_t|$ large: $\\tanh'(a_t)=1-h_t^2$ small |\n").evaluate(d_x=7, d_h=5) == plain
    # "we no longer have the case that $a^{<t>} = c^{<t>}$" beside the definition of a_t
    lstm = ("$\\tilde{c}^{<t>} = tanh(W_c[a^{<t-1>},x^{<t>}]+b_c)$\n\nIn LSTM, we no longer have the case that "
            "$a^{<t>} = c^{<t>}$.\n\n$\\Gamma_u = \\sigma(W_u[a^{<t-1>},x^{<t>}]+b_u)$\n\n"
            "$\\Gamma_f = \\sigma(W_f[a^{<t-1>},x^{<t>}]+b_f)$\n\n$\\Gamma_o = \\sigma(W_o[a^{<t-1>},x^{<t>}]+b_o)$\n\n"
            "$c^{<t>} = \\Gamma_u * \\tilde{c}^{<t>} + \\Gamma_f*c^{<t-1>}$\n\n$a^{<t>} = \\Gamma_o*tanh c^{<t>}$\n")
    assert symcount.derive(lstm).evaluate(d_x=7, d_a=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    # codecogs links whose math writes `<t>` (a Markdown link: < and > are the math's)
    links = "\n".join(f"![{n}](https://latex.codecogs.com/svg.image?{m})" for n, m in [
        ("f", "f^{<t>}=\\sigma(W_f\\cdot[h^{<t-1>},x^{<t>}]+b_f)"), ("i", "i^{<t>}=\\sigma(W_i\\cdot[h^{<t-1>},x^{<t>}]+b_i)"),
        ("c", "\\tilde{C}^{<t>}=\\tanh(W_c\\cdot[h^{<t-1>},x^{<t>}]+b_c)"),
        ("C", "C^{<t>}=f^{<t>}*C^{<t-1>}+i^{<t>}*\\tilde{C}^{<t>}"), ("o", "o^{<t>}=\\sigma(W_o\\cdot[h^{<t-1>},x^{<t>}]+b_o)"),
        ("h", "h^{<t>}=o^{<t>}*\\tanh(C^{<t>})")])
    assert symcount.derive(links).evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5


def test_a_thin_space_escaped_twice_and_a_row_that_goes_on_after_a_break():
    rnn = "$$\nh_t = \\\\tanh(W_{hh} \\\\, h_{t-1} + W_{xh} \\\\, x_t + b_h)\n$$\n\n$$\ny_t = W_{hy} \\\\, h_t + b_y\n$$\n"
    assert symcount.derive(rnn).evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5, bias=False), nn.Linear(5, 3)) + 5
    # written once, `\\ , h_t + b_y` is a row break, then a row that goes on: refused, never dropped
    with pytest.raises(symcount.ParseError, match="goes on with the equation before it"):
        symcount.derive("$$\nh_t = \\tanh(W h_{t-1} + U x_t + b)\n$$\n\n$$\ny_t = W_{hy} \\\\ , h_t + b_y\n$$\n")


RGLRU = ("$$r_t = \\sigma(W_a x_t + b_a), \\quad i_t = \\sigma(W_x x_t + b_x)$$\n"
         "$$\\log a_t = -c \\cdot \\text{softplus}(\\Lambda) \\odot r_t \\quad (c=8)$$\n"
         "$$h_t = a_t \\odot h_{t-1} + \\sqrt{1 - a_t^2} \\odot (i_t \\odot x_t)$$\n")


def test_a_gate_defined_by_its_logarithm():
    class Griffin(nn.Module):
        def __init__(self, d):
            super().__init__()
            self.gate_a, self.gate_x = nn.Linear(d, d), nn.Linear(d, d)
            self.Lambda = nn.Parameter(torch.zeros(d))
    with pytest.raises(symcount.ShapeError, match="Lambda=scalar"):  # Λ one number or a vector: the text does not say
        symcount.derive(RGLRU)
    d = symcount.derive(RGLRU, read=["\\Lambda=vector"])
    assert d.evaluate(d_h=6) == n_params(Griffin(6))  # c = 8 a constant, a_t = exp(...)
    assert any("defined by its logarithm" in n for n in d.shapes.notes)
    assert symcount.derive(RGLRU, read=["\\Lambda=scalar"]).evaluate(d_h=6) == n_params(Griffin(6)) - 6 + 1
    # a_t defined elsewhere: `\log a_t = ...` is a property of it, set aside as before
    with_a = RGLRU.replace("$$h_t", "$$a_t = \\exp(-8 \\cdot \\text{softplus}(\\Lambda) \\odot r_t)$$\n$$h_t")
    assert symcount.derive(with_a, read=["\\Lambda=vector"]).evaluate(d_h=6) == n_params(Griffin(6))


def test_diagonal_said_in_chinese_of_the_cell_weights_and_complex_numbers_said_in_prose():
    lstm = ("```lua\ni[t] = σ(W[x->i]x[t] + W[h->i]h[t−1] + W[c->i]c[t−1] + b[1->i])      (1)\n"
            "f[t] = σ(W[x->f]x[t] + W[h->f]h[t−1] + W[c->f]c[t−1] + b[1->f])      (2)\n"
            "z[t] = tanh(W[x->c]x[t] + W[h->c]h[t−1] + b[1->c])                   (3)\n"
            "c[t] = f[t]c[t−1] + i[t]z[t]                                         (4)\n"
            "o[t] = σ(W[x->o]x[t] + W[h->o]h[t−1] + W[c->o]c[t] + b[1->o])        (5)\n"
            "h[t] = o[t]tanh(c[t])                                                (6)\n```\n")
    said = lstm + "也要说明\n从单元到们向量的权重矩阵 `W[c->s]` 是对角的, 这里 `s` \n可以是 `i`,`f`, 或者 `o`.\n"
    with pytest.raises(symcount.ShapeError, match="diagonal or full"):  # which of them: the readings, listed
        symcount.derive(said)
    assert symcount.derive(said, read=["W_ci=diagonal", "W_cf=diagonal", "W_co=diagonal"]).evaluate(d_x=7, d_h=5) == \
        n_params(nn.LSTMCell(7, 5)) - 4 * 5 + 3 * 5
    # "taking the real part": some parameters are complex, which is not said
    lru = ("$x_{k} = \\Lambda x_{k-1} + B u_{k}$, and the output is $y_k = C x_k + D u_k$, by taking the real part "
           "of the output projection.\n")
    with pytest.raises(symcount.ShapeError, match="speaks of complex numbers"):
        symcount.derive(lru)
    declared = lru + "where $\\Lambda \\in \\mathbb{C}^{N \\times N}$ is complex, stored as its real and imaginary parts."
    assert symcount.derive(declared).evaluate(N=5, d_u=3, d_y=2) == 2 * 5 * 5 + 5 * 3 + 2 * 5 + 2 * 3


LSTM_TEXT = ("Forget Gate:  f_t = σ(W_f · [h_{t-1}, x_t] + b_f)\nInput Gate:   i_t = σ(W_i · [h_{t-1}, x_t] + b_i)\n"
             "Candidate:    C̃_t = tanh(W_c · [h_{t-1}, x_t] + b_c)\nCell Update:  C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t\n"
             "Output Gate:  o_t = σ(W_o · [h_{t-1}, x_t] + b_o)\nHidden State: h_t = o_t ⊙ tanh(C_t)\n")


def test_legends_and_remarks_beside_plain_text_equations():
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5
    # a legend `[h_{t-1}, x_t] = concatenation` under "Where:", and a value in prose `$f_t[i] = 0$ means ...`
    assert symcount.derive("```\n" + LSTM_TEXT + "```\n\nWhere:\n- σ = sigmoid\n- ⊙ = element-wise multiplication\n"
                           "- [h_{t-1}, x_t] = concatenation\n").evaluate(d_x=7, d_h=5) == lstm
    assert symcount.derive("```\n" + LSTM_TEXT + "```\n\n<p>$f_t[i] = 0$ means \"completely forget dimension i\".</p>\n"
                           ).evaluate(d_x=7, d_h=5) == lstm
    # one word after the math, then a remark in parentheses with brackets and a comma
    remark = LSTM_TEXT.replace("+ b_c)\n", "+ b_c)       candidate     (the new info itself, in [−1,1])\n")
    assert symcount.derive("```\n" + remark + "```\n").evaluate(d_x=7, d_h=5) == lstm
    # a shape remark with an arrow: `x_t = W_in @ e   (1536 → 256)`
    mingru = "```\n  x_t = W_in @ e_t         (1536 → 256)\n  z_t = σ(W_z @ x_t)\n  h̃_t = W_h @ x_t\n" \
             "  h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t\n```\n"
    assert symcount.derive(mingru).evaluate(d_e=12, d_x=6, d_h=4) == 12 * 6 + 2 * 4 * 6


def test_comments_in_chinese_a_shortcode_and_a_tuple_of_the_parameters():
    # a doc comment's `* h_t = tanh(W_x·x_t + W_h·h_{t-1})，tanh 让状态有界。`
    jsx = "/**\n * RNN：隐藏状态沿时间轴传递。\n * h_t = tanh(W_x·x_t + W_h·h_{t-1})，tanh 让状态有界。\n */\nconst t = ['我']\n"
    assert symcount.derive(jsx, name="demo.jsx").evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5, bias=False))
    # a JavaScript string of LaTeX escaped twice, each row labelled in \text{...} in Chinese
    js = ('    formula:\n      "\\\\text{更新门: } z_t = \\\\sigma(W_z \\\\cdot [h_{t-1}, x_t]) \\\\\\\\ \\\\text{重置门: } r_t = '
          '\\\\sigma(W_r \\\\cdot [h_{t-1}, x_t]) \\\\\\\\ \\\\text{候选状态: } \\\\tilde{h}_t = \\\\tanh(W \\\\cdot [r_t \\\\odot '
          'h_{t-1}, x_t]) \\\\\\\\ \\\\text{最终状态: } h_t = (1 - z_t) \\\\odot h_{t-1} + z_t \\\\odot \\\\tilde{h}_t",\n')
    assert symcount.derive(js, name="steps.ts").evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5, bias=False))
    # Zola's `{% equation() %} ... {% end %}`, and `\boldsymbol{\theta} = (W_x, W_h, b)` naming the parameters
    zola = ('{% equation(id="pre") %}\n\\mathbf{z}_t = \\mathbf{W}_x\\, \\mathbf{x}_t + \\mathbf{W}_h\\, \\mathbf{h}_{t-1} + \\mathbf{b},\n'
            '{% end %}\n\n{% equation(id="state") %}\n\\mathbf{h}_t = \\tanh(\\mathbf{z}_t),\n{% end %}\n\n'
            'The parameters are $\\boldsymbol{\\theta} = (\\mathbf{W}_x, \\mathbf{W}_h, \\mathbf{b})$.\n')
    assert symcount.derive(zola).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_sizes_named_by_a_shape_in_a_doc_comment_and_a_gate_whose_subscript_changed_case():
    doc = ("/// Elman RNN cell: `h' = activation(x @ W_ih^T + h @ W_hh^T + b_ih + b_hh)`.\n///\n"
           "/// Input shape: `[batch, input_size]`. Hidden state shape: `[batch, hidden_size]`.\n")
    d = symcount.derive(doc, name="rnn.rs")
    assert sorted(d.counts.dims) == ["hidden_size", "input_size"]
    assert d.evaluate(input_size=7, hidden_size=5) == n_params(nn.RNNCell(7, 5))
    gru = ("$$\\tilde{c}^{<t>} = \\tanh (  W_c [ \\Gamma_R * c^{<t-1>},x^{<t>}] +b_c )$$\n\n"
           "$$\\Gamma_u = \\sigma (W_u [c^{<t-1>},x^{<t>}] + b_u)$$\n\n$$ \\Gamma_r = \\sigma(W_r [c^{<t-1>},x^{<t>}] + b_r) $$\n\n"
           "$$c^{<t>} = \\Gamma_u * \\tilde{c}^{<t>} + (1- \\Gamma_u) * c^{<t-1>}$$\n")
    d = symcount.derive(gru)
    assert d.evaluate(d_x=7, d_c=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    assert any("\\Gamma_R" in n and "read as \\Gamma_r" in n for n in d.shapes.notes)


def test_a_step_the_text_takes_only_if_an_argument_off_by_default_is_set():
    doc = (".. py:class:: paddle.nn.LSTM(input_size, hidden_size, num_layers=1, proj_size=0, bias=True)\n\n"
           "..  math::\n\n        i_{t} & = \\sigma(W_{ii}x_{t} + b_{ii} + W_{hi}h_{t-1} + b_{hi})\n\n"
           "        f_{t} & = \\sigma(W_{if}x_{t} + b_{if} + W_{hf}h_{t-1} + b_{hf})\n\n"
           "        o_{t} & = \\sigma(W_{io}x_{t} + b_{io} + W_{ho}h_{t-1} + b_{ho})\n\n"
           "        g_{t} & = \\tanh(W_{ig}x_{t} + b_{ig} + W_{hg}h_{t-1} + b_{hg})\n\n"
           "        c_{t} & = f_{t} * c_{t-1} + i_{t} * g_{t}\n\n        h_{t} & = o_{t} * \\tanh(c_{t})\n\n"
           "若设置了 ``proj_size``，隐状态 :math:`h_{t}` 将会被映射到指定维度：\n\n.. math::\n        h_{t} = h_{t} * W_{proj}\n")
    d = symcount.derive(doc, name="lstm.rst")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTM(7, 5))
    assert any("only if proj_size is set, 0 by default" in n for n in d.shapes.notes)
    # the same text with no default said: both readings, as before
    with pytest.raises(symcount.ShapeError, match="optional-step"):
        symcount.derive(doc.replace("proj_size=0, ", ""), name="lstm.rst")


def test_legend_lines_in_words_and_a_subscript_that_goes_on_in_a_plain_letter():
    text = ("```\nhₜ = tanh(Wₓₕ·xₜ + Wₕₕ·hₜ₋₁ + bₕ)\n```\n\n* **xₜ** = current character input\n"
            "* **hₜ₋₁** = hidden state from previous step\n\nThen it outputs:\n\n```\nyₜ = softmax(Wₕy·hₜ + bᵧ)\n```\n\n"
            "* **yₜ** = prediction (maybe of next char or final language class)\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5), nn.Linear(5, 3)) - 5


def test_after_an_audit_a_count_stated_for_another_cell_picks_nothing():
    rnn = "$$h_t = \\tanh(x_t * W + h_{t-1} * U + b)$$\n\n"
    for other in ("For comparison, the IndRNN layer has only $dh + 2h$ parameters.\n",
                  "IndRNN (Li et al.) needs only $dh + 2h$ parameters.\n"):
        with pytest.raises(symcount.ShapeError):  # x_t * W stays open: the other cell's count settles nothing
            symcount.derive(rnn + other)


def test_after_an_audit_a_log_definition_with_remarks_and_code_whose_comments_describe_less():
    class Griffin(nn.Module):
        def __init__(self, d):
            super().__init__()
            self.gate_a, self.gate_x = nn.Linear(d, d), nn.Linear(d, d)
            self.Lambda = nn.Parameter(torch.zeros(d))
    for tail in ("\\quad (0 < a_t < 1), \\qquad c = 8", "\\quad \\text{with } c = 8"):
        assert symcount.derive(RGLRU.replace("\\quad (c=8)", tail), read=["\\Lambda=vector"]).evaluate(d_h=6) == n_params(Griffin(6))
    with pytest.raises(symcount.ShapeError):  # c unknown, Λ one number or a vector: refused
        symcount.derive(RGLRU.replace("\\quad (c=8)", "\\quad (\\text{elementwise})"))
    # a model that holds the cell twice (an encoder and a decoder): its count is not the docstring's cell's
    twice = GATES.replace("        self.input_node = InputNode(input_dim, hidden_dim, sigma)\n",
                          "        self.input_node = InputNode(input_dim, hidden_dim, sigma)\n"
                          "        self.again = InputGate(input_dim, hidden_dim, sigma)\n")
    with pytest.raises(symcount.ParseError, match="unexpected 'C'"):
        symcount.derive(twice, name="gates.py")
    # a field the comments never name (an embedding): the math's error, not the code's count
    embedded = GATES.replace("        self.input_node = InputNode(input_dim, hidden_dim, sigma)\n",
                             "        self.input_node = InputNode(input_dim, hidden_dim, sigma)\n"
                             "        self.embed = nn.Embedding(100, input_dim)\n")
    with pytest.raises(symcount.ParseError, match="unexpected 'C'"):
        symcount.derive(embedded, name="gates.py")


def test_after_an_audit_remarks_one_after_another_and_a_batch_first_shape():
    gru = ("```\nz = sigmoid(W_z x + U_z h + b_z)\nr = sigmoid(W_r x + U_r h + b_r)\n"
           "n = tanh(W_n x + U_n (r * h) + b_n)\nh' = (1 - z) * h + z * n                  new state   (1536 → 256)\n```\n")
    assert symcount.derive(gru).evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    tokens = ("$$z_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)$$\n$$h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tanh(W_h x_t + U_h h_{t-1} + b_h)$$\n\n"
              "Input shape: `[seq_len, batch]` (token ids, each embedded first).\n")
    d = symcount.derive(tokens)
    assert "batch" not in d.counts.dims
    # "r_t multiplies elementwise" names r_t, not the weight before it in the sentence
    said = GRU_TEXT + "In the candidate, the matrix $U_h$ is applied to $h_{t-1}$ after the reset gate $r_t$ multiplies elementwise.\n"
    assert symcount.derive(said).evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


GRU_TEXT = ("$$z_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)$$\n$$r_t = \\sigma(W_r x_t + U_r h_{t-1} + b_r)$$\n"
            "$$\\tilde{h}_t = \\tanh(W_h x_t + U_h (r_t \\odot h_{t-1}) + b_h)$$\n"
            "$$h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t$$\n\n")


def test_a_column_picked_by_a_one_hot_index_and_a_labelled_remark():
    charrnn = ("$$\n\\mathbf{h}_t = \\tanh\\!\\big(\\mathbf{W}_{xh}[:, x_t] + \\mathbf{W}_{hh}\\mathbf{h}_{t-1} + \\mathbf{b}_h\\big),\n"
               "\\qquad\n\\mathbf{y}_t = \\mathbf{W}_{hy}\\mathbf{h}_t + \\mathbf{b}_y .\n$$\n")
    assert symcount.derive(charrnn).evaluate(d_x=37, d_h=8, d_y=37) == \
        n_params(nn.RNNCell(37, 8), nn.Linear(8, 37)) - 8
    # a column range is a slice, not a product: still refused
    with pytest.raises(symcount.ParseError):
        symcount.derive("$i_t = \\sigma(A_t[:, 0:hs])$\n\n$c_t = i_t \\odot c_{t-1}$\n")
    plain = "```\nh_t = tanh(W x_t + U h_{t-1} + b)   (state: d x 1)\n```\n"
    assert symcount.derive(plain).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_after_a_second_audit_parts_counts_comments_defaults_heads_and_script_subscripts():
    leak = ("$$\\tilde{h}_t = \\tanh(W x_t + U h_{t-1} + b)$$\n$$h_t = \\sigma(\\beta) \\odot h_{t-1} + (1 - \\sigma(\\beta)) \\odot \\tilde{h}_t$$\n"
            "The leak is learned. The projection weights $W$, $U$ and the bias $b$ alone hold $n(n + d + 1)$ parameters.\n")
    with pytest.raises(symcount.ShapeError, match="different counts"):  # a part's count picks no reading
        symcount.derive(leak)
    # a signature's default is the argument's first value, not an example in the prose
    lstmp = (".. py:class:: LSTMPCell(input_size, hidden_size, proj_size=128)\n\nPassing ``proj_size=0`` gives back the plain LSTM.\n\n"
             "..  math::\n\n        i_{t} = \\sigma(W_{ii}x_{t} + W_{hi}h_{t-1} + b_{i})\n\n        f_{t} = \\sigma(W_{if}x_{t} + W_{hf}h_{t-1} + b_{f})\n\n"
             "        o_{t} = \\sigma(W_{io}x_{t} + W_{ho}h_{t-1} + b_{o})\n\n        g_{t} = \\tanh(W_{ig}x_{t} + W_{hg}h_{t-1} + b_{g})\n\n"
             "        c_{t} = f_{t} * c_{t-1} + i_{t} * g_{t}\n\n        h_{t} = o_{t} * \\tanh(c_{t})\n\n"
             "If ``proj_size`` > 0:\n\n.. math::\n        h_{t} = W_{hr} h_{t}\n")
    with pytest.raises(symcount.ShapeError, match="optional-step"):
        symcount.derive(lstmp, name="lstmp.rst")
    # a state of heads: one head's size is not the state's
    heads = "Hidden state shape: `[batch, num_heads, head_dim]`.\n\n$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n"
    assert "head_dim" not in symcount.derive(heads).counts.dims
    # a script letter glued after a weight's letter stands for a subscript Unicode lacks: W𝒻 is W_f
    lstm = ("iₜ = σ(Wᵢxₜ + Uᵢhₜ₋₁ + bᵢ)\nfₜ = σ(W𝒻xₜ + U𝒻hₜ₋₁ + b𝒻)\nc̃ₜ = tanh(Wₓxₜ + Uₕhₜ₋₁ + b)\n"
            "cₜ = fₜ⊙cₜ₋₁ + iₜ⊙c̃ₜ\noₜ = σ(Wₒxₜ + Uₒhₜ₋₁ + bₒ)\nhₜ = oₜ⊙tanh(cₜ)\n")
    assert symcount.derive(lstm).evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    narrated = GATES.replace("        self.input_node = InputNode(input_dim, hidden_dim, sigma)\n",
                             "        self.input_node = InputNode(input_dim, hidden_dim, sigma)\n"
                             "        self.embed = nn.Embedding(100, input_dim)  # embed: the token table\n")
    with pytest.raises(symcount.ParseError, match="unexpected 'C'"):  # (a comment that names it writes no equation of it)
        symcount.derive(narrated, name="gates.py")


def test_an_equation_number_after_an_ampersand_an_accent_in_parentheses_and_a_bold_start_value():
    rnn = n_params(nn.RNNCell(7, 5)) - 5
    assert symcount.derive("$$\\begin{eqnarray}\nh_t & = & \\tanh(W x_t + U h_{t-1} + b), &(5) \\\\\n\\end{eqnarray}$$\n"
                           ).evaluate(d_x=7, d_h=5) == rnn
    gru = ("$$\\begin{aligned}\n&z^{(t)}=\\sigma(W_z x^{(t)} + U_z h^{(t-1)} + b_z)\\\\\n"
           "&\\tilde{h}^{(t)}=\\tanh(W_h x^{(t)} + U_h h^{(t-1)} + b_h)\\\\\n"
           "&h^{(t)}=z^{(t)}\\circ\\tilde(h)^{(t)}+(1-z^{(t)})\\circ h^{(t-1)}\\\\\n\\end{aligned}$$\n")
    assert symcount.derive(gru).evaluate(d_x=7, d_h=5) == 2 * rnn
    assert symcount.derive("$$\\mathbf c[0]=0$$\n\n" + "$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n").evaluate(d_x=7, d_h=5) == rnn


def test_after_set_h29_a_one_number_gate_scales_the_state_and_a_list_of_numbers_is_a_constant():
    # α_t = σ(w^T x_t + b): one number; (1 - α_t) h_{t-1} scales h (h was read as one number: a wrong count)
    leaky = ("$$\\alpha_t = \\sigma(\\mathbf{w}_\\alpha^\\top \\mathbf{x}_t + b_\\alpha)$$\n\n"
             "$$\\mathbf{h}_t = (1 - \\alpha_t)\\,\\mathbf{h}_{t-1} + \\alpha_t\\,(\\mathbf{W}_1 \\mathbf{x}_t + \\mathbf{b}_1)$$\n")
    d = symcount.derive(leaky)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 1), nn.Linear(7, 5))
    # `where $\mathbf{f} = [2^0, 2^1, 2^2, 2^3]$` and ⊗ "the outer product": the outer reading leaves W_out open,
    # the elementwise one would make h four numbers: refused, never counted
    text = (leaky + "$$\\mathbf{z}_t = \\Big[\\sin(\\mathbf{h}_t \\otimes \\mathbf{f}),\\; \\cos(\\mathbf{h}_t \\otimes \\mathbf{f})\\Big]$$\n\n"
            "$$\\mathbf{y}_t = \\mathbf{W}_{\\mathrm{out}}\\,\\mathbf{z}_t$$\n\nwhere $\\mathbf{f} = [2^0, 2^1, 2^2, 2^3]$ are "
            "multi-frequency bases and $\\otimes$ denotes the outer product.\n")
    with pytest.raises(symcount.ShapeError, match="cannot determine"):
        symcount.derive(text)
    # the list alone: f a constant of four entries, not counted
    scaled = leaky.replace("(\\mathbf{W}_1 \\mathbf{x}_t + \\mathbf{b}_1)", "(\\mathbf{W}_1 \\mathbf{x}_t + \\mathbf{b}_1) \\odot \\mathbf{f}")
    d = symcount.derive(scaled + "\nwhere $\\mathbf{f} = [2^0, 2^1, 2^2, 2^3]$.\n")
    assert d.evaluate(d_x=7) == n_params(nn.Linear(7, 1), nn.Linear(7, 4))


def test_a_chain_through_a_function_of_the_signals_and_invisible_operators_and_the_italic_h():
    rnn = n_params(nn.RNNCell(7, 5)) - 5
    chain = "The hidden layer gives $h_t=\\sigma_h(x_t,h_{t-1})=\\tanh{(Ux_t+Wh_{t-1}+b)}$ with $b$ a bias value.\n"
    assert symcount.derive(chain).evaluate(d_x=7, d_h=5) == rnn
    # U+2061 (function application) after tanh, and ℎ (U+210E, the italic h) in a subscript
    assert symcount.derive("$$ h_t= tanh\u2061 (W_{\u210e\u210e} h_{t−1}+W_{xh} x_t + b) $$\n").evaluate(d_x=7, d_h=5) == rnn


def test_a_child_sum_tree_lstm_counts_one_node():
    tree = ("$$\n\\begin{align}\n{\\tilde h_j} &= \\sum_{k \\in C\\left( j \\right)} {{h_k}}\\\\\n"
            "i_j &=\\sigma \\left( W^{(i)} x_j + U^{(i)} {\\tilde h_j} + b^{(i)} \\right)\\\\\n"
            "f_{jk} &= \\sigma\\left( W^{(f)} x_j + U^{(f)} h_{k} + b^{(f)} \\right)\\\\\n"
            "o_j &= \\sigma \\left( W^{(o)} x_j + U^{(o)} {\\tilde h_j}  + b^{(o)} \\right)\\\\\n"
            "u_j &= \\tanh\\left( W^{(u)} x_j + U^{(u)} {\\tilde h_j}  + b^{(u)} \\right)\\\\\n"
            "c_j &= i_j \\odot u_j + \\sum_{k \\in C(j)} f_{jk} \\odot c_{k}\\\\\nh_j &= o_j \\odot \\tanh(c_j)\n\\end{align}\n$$\n")
    d = symcount.derive(tree)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one node's, whatever its children
    assert any("a tree's cell at node j" in n for n in d.shapes.notes)


def test_after_a_third_audit_a_weight_per_child_refuses_and_a_children_sum_is_no_step_sum_elsewhere():
    base = ("$$\n\\begin{aligned}\n\\tilde{h}_j &= \\sum_{k \\in C(j)} h_k \\\\\ni_j &= \\sigma(W^{(i)} x_j + U^{(i)} \\tilde{h}_j + b^{(i)}) \\\\\n"
            "f_{jk} &= \\sigma(W^{(f)} x_j + U^{(f)} h_k + b^{(f)}) \\\\\no_j &= \\sigma(W^{(o)} x_j + U^{(o)} \\tilde{h}_j + b^{(o)}) \\\\\n"
            "u_j &= \\tanh(W^{(u)} x_j + U^{(u)} \\tilde{h}_j + b^{(u)}) \\\\\nc_j &= i_j \\odot u_j + \\sum_{k \\in C(j)} f_{jk} \\odot c_k \\\\\n"
            "h_j &= o_j \\odot \\tanh(c_j)\n\\end{aligned}\n$$\n")
    assert symcount.derive(base).evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    for per_child in ("U^{(f)}_{k} h_k", "U^{(f)}_{jk} h_k"):  # one forget weight per child: the count is the children's
        with pytest.raises(symcount.ShapeError, match="a weight per child"):
            symcount.derive(base.replace("U^{(f)} h_k", per_child))
    # k indexes experts, not children, in a text that steps with j: the children's sum is no sum over the steps
    experts = ("$$e_k = \\tanh(W_k x_j + U_k h_{j-1} + b_k)$$\n$$h_j = \\sum_{k \\in C(j)} g_{jk} \\odot e_k$$\n")
    with pytest.raises(symcount.SymcountError):
        symcount.derive(experts)
