"""Issue 17, thirty-fourth round: what the waiting snippets of set h48 showed. Counts against torch and Keras;
each text is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.cli import main
from symcount.errors import SymcountError
from tests.oracles import require

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def notes(d) -> str:
    return "\n".join(d.shapes.notes)


def numel(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


class _Pascanu(nn.Module):
    """x_t = W_rec sigma(x_{t-1}) + W_in u_t + b: the state x, the input u."""

    def __init__(self, x: int, u: int) -> None:
        super().__init__()
        self.W_rec, self.W_in, self.b = nn.Parameter(torch.zeros(x, x)), nn.Parameter(torch.zeros(x, u)), nn.Parameter(torch.zeros(x))


# the general form first, a function of the signals and of the parameters as one (theta), then the cell
GENERAL_THEN_CELL = r"""\begin{align*}
  x_t &= F(x_{t-1}, u_t, \theta) && \text{(1) General} \\
  x_t &= W_{rec} \, \sigma(x_{t-1}) + W_{in} u_t + \mathbf{b} && \text{(2) used in the paper}
\end{align*}"""


def test_a_general_form_of_the_signals_and_theta_is_set_aside():
    d = symcount.derive(GENERAL_THEN_CELL)
    assert d.evaluate(d_x=5, d_u=7) == numel(_Pascanu(5, 7))
    assert r"x_t &= F(x_{t-1}, u_t, \theta)" in notes(d) and "says what x_t is computed from" in notes(d)


def test_a_general_form_of_a_weight_is_not_a_general_form():
    with pytest.raises(SymcountError, match="defined twice"):  # F(x_{t-1}, u_t, W): W is no parameter set, the form stays
        symcount.derive(GENERAL_THEN_CELL.replace(r"\theta", "V"))


# Markdown's escaped bracket right before inline math: a bracket in the prose, not a display
ESCAPED_BEFORE_INLINE = r"""The gates read the input \[$\mathbf{h}_{t-1}$,$\mathbf{x}_{t}$], each with its own weights:
$$
f_t = \sigma(\mathbf{W_f} [\mathbf{h}_{t-1},\mathbf{x}_{t}] + \mathbf{b_f})
$$
$$
h_t = f_t \odot h_{t-1}
$$
"""


def test_an_escaped_bracket_before_inline_math_opens_no_display():
    d = symcount.derive(ESCAPED_BEFORE_INLINE)
    lin = nn.Linear(7 + 5, 5)  # W_f on [h; x] with its bias
    assert d.evaluate(d_x=7, d_h=5) == numel(lin)


def test_an_escaped_display_is_still_a_display():
    d = symcount.derive("\\[ h_t = \\tanh(W x_t + U h_{t-1} + b) \\]")
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


# equations written as inline code in a list's items, each after its label
TICKED_ITEMS = """The exact formulas are:
* `Hidden state update: h_t = tanh(W_hh * h_{t-1} + W_xh * x_t)`
* `Predicted output: y_t = λ(W_hy * h_t)`
"""


def test_a_list_item_that_is_one_equation_in_backticks_is_read():
    d = symcount.derive(TICKED_ITEMS + "where $h_t$ is the state and $x_t$ the input.")
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == numel(nn.RNN(7, 5, bias=False), nn.Linear(5, 3, bias=False))


def test_unicode_lambda_is_the_lambda_command():
    d = symcount.derive(TICKED_ITEMS + "where $h_t$ is the state and $x_t$ the input.")
    assert "\\lambda(...)" in notes(d) and "lamda" not in notes(d)  # (Unicode names the letter LAMDA)


KERAS_CELL = '''```python
class MinimalRNNCell(keras.layers.Layer):

    def __init__(self, units, **kwargs):
        self.units = units
        self.state_size = units
        super(MinimalRNNCell, self).__init__(**kwargs)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units),
                                      initializer='uniform',
                                      name='kernel')
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units),
            initializer='uniform',
            name='recurrent_kernel')
        self.built = True

    def call(self, inputs, states):
        prev_output = states[0]
        h = K.dot(inputs, self.kernel)
        output = h + K.dot(prev_output, self.recurrent_kernel)
        return output, [output]
```
'''


def _keras_minimal(input_dim: int, units: int) -> int:
    """Keras's own count of the cell above, built in an RNN layer on inputs of input_dim features."""
    keras = require("keras")

    class MinimalRNNCell(keras.layers.Layer):
        def __init__(self, units, **kwargs):
            super().__init__(**kwargs)
            self.units, self.state_size = units, units

        def build(self, input_shape):
            self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="uniform", name="kernel")
            self.recurrent_kernel = self.add_weight(shape=(self.units, self.units), initializer="uniform",
                                                    name="recurrent_kernel")
            self.built = True

        def call(self, inputs, states):
            output = keras.ops.matmul(inputs, self.kernel) + keras.ops.matmul(states[0], self.recurrent_kernel)
            return output, [output]

    layer = keras.layers.RNN(MinimalRNNCell(units))
    layer.build((None, None, input_dim))
    return layer.count_params()


def test_a_keras_layer_counts_what_its_build_adds():
    d = symcount.derive(KERAS_CELL)
    assert d.evaluate(input_dim=5, units=32) == _keras_minimal(5, 32)
    assert "declares in its __init__ and build" in notes(d) and "counted as Keras counts them" in notes(d)
    assert "input_dim: the size of the input's last axis" in notes(d)


def test_a_keras_weight_that_is_not_trained_is_not_counted():
    text = KERAS_CELL.replace("name='recurrent_kernel')", "name='recurrent_kernel', trainable=False)")
    d = symcount.derive(text)
    assert d.evaluate(input_dim=5, units=32) == 5 * 32
    assert "trainable=False" in notes(d)


def test_a_keras_weight_whose_shape_is_not_written_is_refused():
    with pytest.raises(SymcountError, match="its shape is not written as a tuple"):
        symcount.derive(KERAS_CELL.replace("shape=(self.units, self.units)", "shape=self.recurrent_shape"))


def test_a_keras_layer_with_a_keras_sublayer_is_refused():
    text = KERAS_CELL.replace("        self.built = True", "        self.dense = Dense(self.units)\n        self.built = True")
    with pytest.raises(SymcountError, match="Dense"):
        symcount.derive(text)


# one layer's equation, and prose that says the model stacks two of them
STATED_STACK = r"""The cell is $h_t = \tanh(W x_t + U h_{t-1} + b)$, where $x_t$ is the input.

The model stacks two recurrent layers, followed by a softmax output layer.
"""


class _Elman(nn.Module):
    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.W, self.U, self.b = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False), nn.Parameter(torch.zeros(h))


def _run(argv, capsys, tmp_path, text=STATED_STACK) -> tuple[int, str, str]:
    path = tmp_path / "stacked.md"
    path.write_text(text, encoding="utf-8")
    code = main(["derive", str(path), "--no-cache", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_stack_the_prose_states_beside_one_layers_equations_is_refused(capsys, tmp_path):
    code, out, err = _run(["--set", "d_x=7", "--set", "d_h=5"], capsys, tmp_path)
    assert code == 2 and out == ""
    assert "states 2 stacked layers and the equations write one" in err
    assert "--read layers=1" in err and "--read layers=2" in err and "Traceback" not in err


@pytest.mark.parametrize("argv,layers", [(["--read", "layers=2"], 2), (["--layers", "2"], 2), (["--read", "layers=1"], 1)])
def test_a_stated_stack_is_settled_by_an_option(capsys, tmp_path, argv, layers):
    code, out, err = _run([*argv, "--set", "d_x=7", "--set", "d_h=5"], capsys, tmp_path)
    assert code == 0, err
    expected = numel(_Elman(7, 5)) + (numel(_Elman(5, 5)) if layers == 2 else 0)
    assert f"{expected:,}" in out or str(expected) in out


def test_the_api_refuses_a_stated_stack_too():
    with pytest.raises(SymcountError, match="2 readings"):
        symcount.derive(STATED_STACK)
    d = symcount.derive(STATED_STACK, read={"layers": "2"})
    assert d.bind(d_x=7, d_h=5).value == numel(_Elman(7, 5), _Elman(5, 5))


def test_equations_that_write_their_layers_need_no_reading():
    text = (r"For a 2-layer RNN: $h_t^{(1)} = \tanh(W^{(1)} x_t + U^{(1)} h_{t-1}^{(1)} + b^{(1)})$ and "
            r"$h_t^{(2)} = \tanh(W^{(2)} h_t^{(1)} + U^{(2)} h_{t-1}^{(2)} + b^{(2)})$")
    d = symcount.derive(text)
    assert len(d.shapes.params) == 6


def test_a_layers_reading_with_no_stated_stack_is_an_error(capsys, tmp_path):
    code, _, err = _run(["--read", "layers=2"], capsys, tmp_path, text=r"$h_t = \tanh(W x_t + U h_{t-1} + b)$")
    assert code == 2 and "states no number of stacked layers" in err


# the step at t, then its first step written out with the step's number as a superscript (Ng's course writes <t>)
@pytest.mark.parametrize("first", [r"a^{<1>}=g_1(W_{aa}a^{<0>}+W_{ax}x^{<1>}+b_a)",
                                   r"a^{(1)}=g_1(W_{aa}a^{(0)}+W_{ax}x^{(1)}+b_a)"])
def test_a_first_step_numbered_above_is_an_example_of_the_step(first):
    d = symcount.derive(r"$$a^{<t>}=g_1(W_{aa}a^{<t-1>}+W_{ax}x^{<t>}+b_a)$$" + f"\n$${first}$$\n")
    assert d.evaluate(d_x=7, d_a=5) == numel(nn.RNN(7, 5)) - 5  # a^{(0)} and x^{(1)} are no parameters
    assert "write out the first steps of the equation at t" in notes(d)


def test_layers_numbered_above_are_not_steps():
    d = symcount.derive("$$h^{(1)} = \\tanh(W^{(1)} x + b^{(1)})$$\n$$h^{(2)} = \\tanh(W^{(2)} h^{(1)} + b^{(2)})$$\n")
    assert {p.name for p in d.shapes.params} == {"W^{(1)}", "b^{(1)}", "W^{(2)}", "b^{(2)}"}


def test_a_probability_defined_as_another_is_prose():
    text = (r"Each word depends on the words before it: $p(y_t\mid y_{<t}) := p(y_t\mid y_{t-n+1:t-1}) := "
            r"\frac{\exp(w_{y_t}\cdot h_t)}{\sum_{y'} \exp(w_{y'}\cdot h_t)}$, where $w_y$ is a word vector." "\n\n"
            r"The RNN: $h_t=\tanh(W_1 h_{t-1}+W_2 x_{t-1})$.")
    d = symcount.derive(text)
    assert {p.name for p in d.shapes.params} == {"W_1", "W_2"}


class _StateSpace(nn.Module):
    """x[k+1] = A x[k] + B u[k], y[k] = C x[k] + D u[k]: four matrices."""

    def __init__(self, n: int, m: int, p: int) -> None:
        super().__init__()
        self.A, self.B = nn.Linear(n, n, bias=False), nn.Linear(m, n, bias=False)
        self.C, self.D = nn.Linear(n, p, bias=False), nn.Linear(m, p, bias=False)


@pytest.mark.parametrize("k", ["k", "n"])
def test_a_step_in_brackets_with_another_letter(k):
    text = f"$$x[{k}+1] = \\bar{{A}} x[{k}] + \\bar{{B}} u[{k}]$$\n$$y[{k}] = C x[{k}] + D u[{k}]$$\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=4, d_u=3, d_y=2) == numel(_StateSpace(4, 3, 2))
    assert {s.name: s.recurrent for s in d.shapes.signals}["x"]  # x[k] is the state at the step before x[k+1]


def test_a_step_in_brackets_after_a_layers_superscript():
    d = symcount.derive(r"$$x^{(l)}[k+1] = \bar{A}^{(l)} x^{(l)}[k] + \bar{B}^{(l)} u^{(l)}[k]$$")
    assert len(d.shapes.params) == 2 and len(d.shapes.signals) == 2


@pytest.mark.parametrize("tag", [r"\mbox{ update}", r"\text{update}"])
def test_a_word_after_the_equation_is_its_label(tag):
    text = (f"$$z_t = \\sigma(W_z [h_{{t-1}}, x_t]){tag}$$\n\n$$r_t = \\sigma(W_r [h_{{t-1}}, x_t])\\mbox{{ reset}}$$\n\n"
            r"$$\tilde{h}_t = \tanh(W_h [r_t \odot h_{t-1}, x_t])$$" "\n\n"
            r"$$h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t$$")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.GRU(7, 5, bias=False))


# a NumPy step whose weights are kept in a dict, by name
KEYED = '''```python
def lstm_step(x, h, c, p):
    f = sigmoid(p["Wf"] @ x + p["Uf"] @ h + p["bf"])
    i = sigmoid(p["Wi"] @ x + p["Ui"] @ h + p["bi"])
    o = sigmoid(p['Wo'] @ x + p['Uo'] @ h + p['bo'])
    g = np.tanh(p["Wc"] @ x + p["Uc"] @ h + p["bc"])
    c = f * c + i * g
    h = o * np.tanh(c)
    return h, c
```
'''


def test_weights_kept_in_a_dict_by_name():
    d = symcount.derive(KEYED)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.LSTM(7, 5)) - 4 * 5  # one bias per gate


# a docstring's equations and the code under it, one step twice: the candidate's bias only in the code
TWICE = '''```python
def gru_step(x_t, h_prev, params):
    """
    z_t = σ(W_z · [h_{t-1}, x_t] + b_z)
    r_t = σ(W_r · [h_{t-1}, x_t] + b_r)
    h̃_t = tanh(W_h · [r_t ⊙ h_{t-1}, x_t])
    h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t
    """
    combined = np.concatenate([h_prev, x_t])

    # update gate
    z_t = sigmoid(params['W_z'] @ combined + params['b_z'])

    # reset gate
    r_t = sigmoid(params['W_r'] @ combined + params['b_r'])

    # candidate
    combined_reset = np.concatenate([r_t * h_prev, x_t])
    h_candidate = np.tanh(params['W_h'] @ combined_reset + params['b_h'])

    # new state
    h_t = (1 - z_t) * h_prev + z_t * h_candidate
    return h_t
```
'''


def test_a_docstring_and_its_code_that_disagree_are_refused():
    with pytest.raises(SymcountError, match="readings with different counts") as e:
        symcount.derive(TWICE)
    assert "3*d_h**2 + 3*d_h*d_x + 3*d_h" in str(e.value) and "3*d_h**2 + 3*d_h*d_x + 2*d_h" in str(e.value)


def test_a_docstring_and_its_code_that_agree_are_counted():
    d = symcount.derive(TWICE.replace("x_t])\n    h_t", "x_t] + b_h)\n    h_t", 1))
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.GRU(7, 5)) - 3 * 5  # one bias per gate


EULER = (r"$$\mathbf{r}(t+\Delta t) = \mathbf{r}(t) + \frac{\Delta t}{\tau}[-\mathbf{r}(t) + "
         r"f(W_r \mathbf{r}(t) + W_x \mathbf{x}(t) + \mathbf{b}_r)]$$")


def test_an_euler_step_is_the_next_step_and_its_size_a_constant():
    with pytest.raises(SymcountError, match=r"\\tau a constant or a learned scalar"):
        symcount.derive(EULER)  # the time constant: fixed or learned, the text does not say
    d = symcount.derive(EULER, read={"\\tau": "constant"})
    assert d.evaluate(d_r=5, d_x=7) == numel(nn.RNN(7, 5)) - 5  # W_r, W_x, b_r
    assert "an Euler step of the state" in notes(d)
    d = symcount.derive(EULER, read={"\\tau": "learned"})
    assert d.evaluate(d_r=5, d_x=7) == numel(nn.RNN(7, 5)) - 5 + 1


NOTEBOOK = r'''{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "## The cell\n",
    "$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n",
    "where $x_t$ is the input and \"h\" the state."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [{"name": "stdout", "output_type": "stream", "text": ["h = tanh(W x + b)\n"]}],
   "source": [
    "import numpy as np\n",
    "print(\"done\")"
   ]
  }
 ]
}
'''


def test_a_notebooks_json_is_read_in_place():
    d = symcount.derive(NOTEBOOK, name="cell.ipynb")
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


def test_an_error_in_a_notebook_points_into_the_file():
    with pytest.raises(SymcountError) as e:
        symcount.derive(NOTEBOOK.replace(r"W x_t + U", r"W x_t : U"), name="cell.ipynb")
    assert "cell.ipynb:8:" in str(e.value) and "':'" in str(e.value)  # the JSON file's line that holds the string


CATALOGUE = r'''#: ../../source/rnn.rst:5
msgid "For each element in the input sequence, each layer computes the following function:"
msgstr "针对输入序列的每一个元素，每一层网络做如下计算："

#: megengine.module.rnn.RNN:7 of
msgid "h_t = \\tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{(t-1)} + b_{hh})\n\n"
msgstr "h_t = \\tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{(t-1)} + b_{hh})\n\n"

#: megengine.module.rnn.RNN:10 of
msgid "where :math:`h_t` is the hidden state at time `t`, :math:`x_t` is the input."
msgstr "其中, :math:`h_t` 是 `t` 时刻的隐藏状态。"
'''


def test_a_catalogues_msgid_display_is_read_once():
    d = symcount.derive(CATALOGUE, name="rnn.po")
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5))  # read once: the msgstr's copy is blank


class _DeepRows(nn.Module):
    """h1 = x U + s1_{t-1} W1, s1 = tanh(h1), h2 = s1 Q + s2_{t-1} W2, s2 = tanh(h2), z = s2 V: rows, no bias."""

    def __init__(self, x: int, s1: int, s2: int, z: int) -> None:
        super().__init__()
        self.U, self.W1 = nn.Linear(x, s1, bias=False), nn.Linear(s1, s1, bias=False)
        self.Q, self.W2 = nn.Linear(s1, s2, bias=False), nn.Linear(s2, s2, bias=False)
        self.V = nn.Linear(s2, z, bias=False)


def test_names_glued_to_numbers_in_a_text_of_rows():
    text = ("$$h1 = x \\cdot U + s1_{t-1} \\cdot W1$$\n$$s1 = \\tanh(h1)$$\n$$h2 = s1 \\cdot Q + s2_{t-1} \\cdot W2$$\n"
            "$$s2 = \\tanh(h2)$$\n$$z = s2 \\cdot V$$\n")
    d = symcount.derive(text)
    assert {p.name for p in d.shapes.params} == {"U", "W_1", "Q", "W_2", "V"}  # x the input, a row (not a weight)
    assert d.evaluate(d_x=7, d_s1=5, d_s2=4, d_z=3) == numel(_DeepRows(7, 5, 4, 3))


def test_a_number_glued_once_is_left_alone():
    with pytest.raises(SymcountError, match="unexpected '1'"):
        symcount.derive(r"$$h1 = \tanh(W x_t + U h_{t-1})$$")


def test_bold_letters_by_a_longer_name():
    text = (r"\begin{align*}\boldh_t &= \tanh(\boldW \boldx_t + \boldU \boldh_{t-1} + \boldb)\end{align*}")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5
    assert "family" in notes(d) or "\\boldW" in notes(d)


def test_a_spacing_command_with_a_length():
    d = symcount.derive(r"$$ h_{t}=f(W^{1}x_{t} + W^{2}h_{t-1} + \theta^{1}),\hskip0.5cm y_{t} = g (W^{3}h_{t} + \theta^{2}).$$")
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == numel(nn.RNN(7, 5), nn.Linear(5, 3)) - 5


def test_markdown_escaped_angles():
    text = r"$$a ^{\<t\>} = g_1(W _{aa} a ^{\<t-1\>} + W _{ax} x ^{\<t\>} + b _a)$$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_a=5) == numel(nn.RNN(7, 5)) - 5
    with pytest.raises(SymcountError):  # g_1 (...) with a space, not said to be a function: stays open (round 20)
        symcount.derive(text.replace("g_1(", "g _1 ("))


LISTED_ITEMS = r"""Our networks have the following parameters:
\begin{itemize}
  \item $W_0 \in \mathbb{R}^{|V| \times d_{in}}$,
  \item $\mathbf{s}_0 \in \mathbb{R}^{d_{hid}}$, the initial hidden state,
  \item $W_1 \in \mathbb{R}^{d_{hid} \times 2}$, $b_1 \in \mathbb{R}^{2}$
\end{itemize}
The step: $\mathbf{s}_i = \tanh(\mathbf{x}_i W^x + \mathbf{s}_{i-1} W^s + b)$.
"""


def test_parameters_a_list_declares_that_no_equation_uses_are_refused():
    with pytest.raises(SymcountError, match=r"lists W_0, W_1, b_1 among the parameters"):
        symcount.derive(LISTED_ITEMS)


def test_a_parameter_list_the_equations_use_is_read():
    text = LISTED_ITEMS.replace("$W_0 \\in \\mathbb{R}^{|V| \\times d_{in}}$,", "$W^x \\in \\mathbb{R}^{d_{in} \\times d_{hid}}$,")
    text = text.replace("  \\item $\\mathbf{s}_0 \\in \\mathbb{R}^{d_{hid}}$, the initial hidden state,\n", "")
    text = text.replace("$W_1 \\in \\mathbb{R}^{d_{hid} \\times 2}$, $b_1 \\in \\mathbb{R}^{2}$", "$b \\in \\mathbb{R}^{d_{hid}}$")
    d = symcount.derive(text)
    assert d.evaluate(d_in=7, d_hid=5) == numel(nn.RNN(7, 5)) - 5


def test_parameters_in_addition_to_others_are_refused():
    text = ("This model requires the following parameters in addition to the generic RNN parameters: "
            r"$\mathbf{s}_i = \tanh(\mathbf{x}_i W^x + \mathbf{s}_{i-1} W^s + b)$.")
    with pytest.raises(SymcountError, match="in addition to others"):
        symcount.derive(text)
