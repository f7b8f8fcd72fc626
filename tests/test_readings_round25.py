"""Issue 17, twenty-fifth round: what the last round's audits left and set h30 showed. Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import ShapeError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


class ScalarGateRNN(nn.Module):
    """z_t = sigma(w^T x_t + u^T h_{t-1} + b_z), one number; h_t = z_t h_{t-1} + (1 - z_t) tanh(W x_t + U h_{t-1} + b)."""

    def __init__(self, d: int, n: int) -> None:
        super().__init__()
        self.z = nn.Linear(d + n, 1)  # w, u and b_z: one number
        self.W, self.U = nn.Linear(d, n), nn.Linear(n, n, bias=False)

    def forward(self, x, h):
        z = torch.sigmoid(self.z(torch.cat([x, h], -1)))
        return z * h + (1 - z) * torch.tanh(self.W(x) + self.U(h))


def test_a_bias_added_to_a_sum_of_inner_products_is_one_number():
    text = ("Input $x_t \\in \\mathbb{R}^{d}$, state $h_t \\in \\mathbb{R}^{n}$.\n\n"
            "$$z_t = \\sigma(\\mathbf{w}^\\top x_t + \\mathbf{u}^\\top h_{t-1} + b_z)$$\n"
            "$$h_t = z_t h_{t-1} + (1 - z_t) \\tanh(W x_t + U h_{t-1} + b)$$\n")
    d = symcount.derive(text)
    m = ScalarGateRNN(5, 7)
    m(torch.zeros(1, 5), torch.zeros(1, 7))  # the module runs: the shapes are the text's
    assert d.evaluate(d=5, n=7) == n_params(m)  # w, u, one b_z; W, b, U
    assert any("b_z" in n and "one number" in n for n in d.shapes.notes)


def test_a_plain_lower_case_weight_transposed_is_a_vector_or_a_matrix_and_where_they_differ_the_text_refuses():
    text = ("Input $x_t \\in \\mathbb{R}^{d}$, state $h_t \\in \\mathbb{R}^{n}$.\n"
            "$$\\alpha_t = \\sigma(w_a^\\top x_t + b_a)$$\n$$\\beta_t = \\sigma(W_b x_t + b_b)$$\n"
            "$$\\tilde{h}_t = \\tanh(W x_t + U h_{t-1})$$\n$$h_t = (1 - \\alpha_t - \\beta_t) h_{t-1} + \\alpha_t \\tilde{h}_t$$\n")
    with pytest.raises(ShapeError) as err:
        symcount.derive(text)
    assert "--read w_a=matrix" in str(err.value) and "--read w_a=vector" in str(err.value)
    vector = symcount.derive(text, read={"w_a": "vector"})
    # alpha one number: w_a and b_a one gate of one output; beta a gate of n; the candidate W and U without bias
    assert vector.evaluate(d=5, n=7) == n_params(nn.Linear(5, 1), nn.Linear(5, 7), nn.Linear(5, 7, bias=False),
                                                 nn.Linear(7, 7, bias=False))
    matrix = symcount.derive(text, read={"w_a": "matrix"})
    assert matrix.evaluate(d=5, n=7) == n_params(nn.Linear(5, 7), nn.Linear(5, 7), nn.Linear(5, 7, bias=False),
                                                 nn.Linear(7, 7, bias=False))
    # xLSTM's exponential gate written with a plain w_i: one number or a vector gate, the text does not say
    xl = "$$\\tilde{i}_t = w_i^\\top x_t + b_i$$\n$$i_t = \\exp(\\tilde{i}_t)$$\n$$h_t = i_t \\tanh(W x_t + U h_{t-1} + b)$$\n"
    with pytest.raises(ShapeError) as err:
        symcount.derive(xl)
    assert "--read w_i=vector" in str(err.value)
    one = symcount.derive(xl, read={"w_i": "vector"})
    assert one.evaluate(d_x=5, d_h=7) == n_params(nn.Linear(5, 1), nn.Linear(5, 7), nn.Linear(7, 7, bias=False))


# ---- a framework's layer call where the text writes no equation (read.layercalls) --------------------------
def test_a_keras_layer_call_in_a_question_is_counted_as_keras_counts_it():
    from tests.oracles import keras_count
    qa = ("I have a SimpleRNN like:\n\nmodel.add(SimpleRNN(10, input_shape=(3, 1)))\nmodel.add(Dense(1, activation=\"linear\"))\n\n"
          "The model summary says 120. Why?\n")
    d = symcount.derive(qa)
    assert d.evaluate() == keras_count("SimpleRNN", 1, 10) == 120
    assert any("Dense" in n and "only the recurrent layers are counted" in n for n in d.shapes.notes)
    # names as the call writes them are sizes; a value the text assigns elsewhere is not taken
    named = symcount.derive("units = 1\nlstm = kel.LSTM(units, input_shape=(timesteps, features))\nmodel.add(lstm)\n")
    for f, u in ((2, 1), (7, 5), (3, 11)):
        assert named.evaluate(features=f, units=u) == keras_count("LSTM", f, u)
    # the input size from the layer before it in the model; a Bidirectional that concatenates doubles what follows
    stacked = symcount.derive("model = tf.keras.Sequential([\n  tf.keras.layers.Embedding(input_dim=4500, output_dim=16),\n"
                              "  tf.keras.layers.Bidirectional(tf.keras.layers.GRU(32, return_sequences=True)),\n"
                              "  tf.keras.layers.GRU(8, reset_after=False),\n  tf.keras.layers.Dense(1)\n])\n",
                              read=["count=layers"])  # (the recurrent layers' count; `count=model` adds the others')
    assert stacked.evaluate() == keras_count("GRU", 16, 32, bidirectional=True) + \
        keras_count("GRU", 64, 8, reset_after=False)
    assert any("reset_after" in n for n in stacked.shapes.notes)


def test_a_bidirectional_call_is_counted_once_with_the_bidirectional_option():
    from tests.oracles import keras_count
    text = "model.add(Bidirectional(GRU(32), input_shape=(5, 16)))\n"
    assert symcount.derive(text).evaluate() == symcount.derive(text, bidirectional=True).evaluate() == \
        keras_count("GRU", 16, 32, bidirectional=True)
    # a plain call with the option: two directions of the layer
    assert symcount.derive("model.add(GRU(32, input_dim=16))\n", bidirectional=True).evaluate() == \
        keras_count("GRU", 16, 32, bidirectional=True)


def test_a_torch_layer_call_and_calls_that_do_not_say_enough():
    from tests.oracles import torch_count
    d = symcount.derive("Here is my model:\n\n    rnn = nn.LSTM(10, 20, num_layers=2, bidirectional=True)\n\nWhy 13,760?\n")
    assert d.evaluate() == torch_count("LSTM", 10, 20, num_layers=2, bidirectional=True)
    assert symcount.derive("cell = torch.nn.GRUCell(input_size=7, hidden_size=5, bias=False)\n").evaluate() == \
        n_params(nn.GRUCell(7, 5, bias=False))
    with pytest.raises(symcount.ParseError, match="input size"):
        symcount.derive("model.add(LSTM(32))\n")  # nothing gives its input's size
    with pytest.raises(symcount.ParseError, match="recurrent layers in 2 places"):  # a question's model and an answer's
        symcount.derive("Question:\n\nmodel.add(LSTM(32, input_dim=8))\n\nAnswer: try this instead.\n\n"
                        "x = 3\nmodel.add(LSTM(64, input_dim=8))\n")
    # equations of the cell are read, never a call beside them
    eqs = "$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\nIn Keras: `SimpleRNN(64, input_dim=8)`.\n"
    assert sorted(symcount.derive(eqs).counts.dims) == ["d_h", "d_x"]


def test_an_activation_spelled_as_a_word_and_read_as_a_weight_refuses():
    # "gate = sigma / tanh ( W_x * x_t + W_h * h_{t-1} + b )": a template for every gate, sigma a function (not a weight)
    with pytest.raises(ShapeError, match="sigma reads as a weight"):
        symcount.derive("# Each gate:  gate = sigma / tanh ( W_x * x_t  +  W_h * h_{t-1}  +  b )\n")


RUST_LSTM = """pub struct LSTM {
    pub input_size: usize,
    pub hidden_size: usize,
    pub w_ii: Tensor,
    pub w_if: Tensor,
    pub w_io: Tensor,
    pub w_ic: Tensor,
    pub w_hi: Tensor,
    pub b_i: Tensor,
    pub b_f: Tensor,
    pub b_o: Tensor,
    pub b_c: Tensor,
}
        // Input gate: i = sigmoid(W_ii * x + W_hi * h_prev + b_i)
        // Forget gate: f = sigmoid(W_if * x + W_hf * h_prev + b_f)
        // Output gate: o = sigmoid(W_io * x + W_ho * h_prev + b_o)
        // Cell candidate: g = tanh(W_ic * x + W_hc * h_prev + b_c)
        // New cell state: c = f * c_prev + i * g
        // New hidden state: h = o * tanh(c)
"""


def test_sizes_named_by_typed_fields_reach_an_input_without_a_time_index_and_comments_that_name_other_fields_refuse():
    # the code's fields agree with the comments: the sizes are the fields' names, x's too (x has no time index)
    agreed = RUST_LSTM.replace("    pub w_hi: Tensor,\n", "    pub w_hi: Tensor,\n    pub w_hf: Tensor,\n    pub w_ho: Tensor,\n"
                               "    pub w_hc: Tensor,\n")
    d = symcount.derive(agreed)
    assert sorted(d.counts.dims) == ["hidden_size", "input_size"]
    assert d.evaluate(input_size=7, hidden_size=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one bias per gate
    # the comments use W_hf, W_ho, W_hc, which the struct does not declare (its w_hi serves every gate): refused
    with pytest.raises(ShapeError, match="the comments and the code disagree"):
        symcount.derive(RUST_LSTM)


def test_a_sentence_that_names_a_tensor_and_its_shape_lists_it():
    # a Keras answer whose formula was lost: "W is the kernel matrix (shape: (input_dim, units))", ...
    from tests.oracles import keras_count
    text = ("The matrix calculations in Keras's SimpleRNN layer follow this formula:\nWhere:\n"
            "W is the kernel matrix (shape: (input_dim, units)), responsible for transforming the input.\n"
            "U is the recurrent kernel matrix (shape: (units, units)), which processes the previous state.\n"
            "B is the bias vector (shape: (units,)), added to the computation.\n"
            "activation is the activation function applied to the result.\n")
    d = symcount.derive(text)
    for i, u in ((7, 5), (3, 11)):
        assert d.evaluate(input_dim=i, units=u) == keras_count("SimpleRNN", i, u)
    # a state described so is not a parameter
    assert symcount.derive(text + "h is the hidden state (shape: (units,)).\n").evaluate(input_dim=7, units=5) == \
        keras_count("SimpleRNN", 7, 5)


def test_a_docstrings_arguments_with_their_shapes_name_the_sizes():
    # Coursera's rnn_cell_forward: "Wax -- Weight matrix multiplying the input, numpy array of shape (n_a, n_x)"
    text = ("$$a^{\\langle t\\rangle}=\\tanh(W_{ax}x^{\\langle t\\rangle}+W_{aa}a^{\\langle t-1\\rangle}+b_a)$$\n"
            "$$\\hat{y}^{\\langle t\\rangle}=softmax(W_{ya}a^{\\langle t\\rangle}+b_y)$$\n\n```python\n"
            "def rnn_cell_forward(xt, a_prev, parameters):\n    \"\"\"\n"
            "    xt -- your input data at timestep \"t\", numpy array of shape (n_x, m).\n"
            "    parameters -- python dictionary containing:\n"
            "                        Wax -- Weight matrix multiplying the input, numpy array of shape (n_a, n_x)\n"
            "                        Waa -- Weight matrix multiplying the hidden state, numpy array of shape (n_a, n_a)\n"
            "                        Wya -- Weight matrix relating the hidden-state to the output, numpy array of shape (n_y, n_a)\n"
            "                        ba --  Bias, numpy array of shape (n_a, 1)\n"
            "                        by -- Bias relating the hidden-state to the output, numpy array of shape (n_y, 1)\n"
            "    \"\"\"\n```\n")
    d = symcount.derive(text)
    assert sorted(d.counts.dims) == ["n_a", "n_x", "n_y"]
    assert d.evaluate(n_a=5, n_x=7, n_y=3) == n_params(nn.RNNCell(7, 5), nn.Linear(5, 3)) - 5  # one bias for a


def test_a_primed_new_value_beside_a_prev_name_and_a_bracketed_label_with_a_slash():
    # a C++ doc comment: "h' = (1 - z) ⊙ h_prev + z ⊙ n", and "[new/candidate gate]" after n's equation
    text = ("/// GRU equations:\n///   r = sigmoid(Wr·x + Ur·h_prev + br)          [reset gate]\n"
            "///   z = sigmoid(Wz·x + Uz·h_prev + bz)          [update gate]\n"
            "///   n = tanh(Wn·x + Un·(r ⊙ h_prev) + bn)       [new/candidate gate]\n"
            "///   h' = (1 - z) ⊙ h_prev + z ⊙ n\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5  # one bias per gate
    assert any("h_{prev}" in n and "previous step" in n for n in d.shapes.notes)


def _keras_recurrent(*layers) -> int:
    import keras
    model = keras.Sequential(list(layers))
    rnn = (keras.layers.SimpleRNN, keras.layers.LSTM, keras.layers.GRU, keras.layers.Bidirectional)
    return sum(x.count_params() for x in model.layers if isinstance(x, rnn))


def test_after_an_audit_layer_calls_in_comments_stacks_copies_and_prose_are_read_as_a_framework_builds_them():
    from tests.oracles import require
    k = require("keras")
    L = k.layers
    # a call in a comment is no layer; identical stacked layers are each counted; input_shape on a later layer ignored
    assert symcount.derive("model = Sequential()\n#model.add(SimpleRNN(50, input_shape=(10, 1)))\n"
                           "model.add(LSTM(50, input_shape=(10, 1)))\nmodel.add(Dense(1))\n", read=["count=layers"]).evaluate() == \
        _keras_recurrent(k.Input((10, 1)), L.LSTM(50))
    stacked = ("model.add(LSTM(100, input_shape=(10, 8), return_sequences=True))\nmodel.add(Dropout(0.2))\n"
               "model.add(LSTM(100, input_shape=(10, 8), return_sequences=True))\nmodel.add(LSTM(100, input_shape=(10, 8)))\n")
    assert symcount.derive(stacked).evaluate() == _keras_recurrent(
        k.Input((10, 8)), L.LSTM(100, return_sequences=True), L.LSTM(100, return_sequences=True), L.LSTM(100))
    # sizes written as sums keep their brackets; a positional use_bias; cuDNN's two biases per gate
    assert symcount.derive("model.add(LSTM(32+16, input_shape=(10, 8)))\n").evaluate() == \
        _keras_recurrent(k.Input((10, 8)), L.LSTM(48))
    assert symcount.derive("model.add(SimpleRNN(10, 'tanh', False, input_shape=(3, 1)))\n").evaluate() == \
        _keras_recurrent(k.Input((3, 1)), L.SimpleRNN(10, use_bias=False))
    assert symcount.derive("model.add(CuDNNLSTM(64, input_shape=(10, 16)))\n").evaluate() == 4 * (16 * 64 + 64 * 64) + 8 * 64
    assert symcount.derive("rnn = nn.LSTM(10, 10+10, num_layers=2, bidirectional=True)\n").evaluate() == \
        n_params(nn.LSTM(10, 20, num_layers=2, bidirectional=True))
    assert symcount.derive("rnn = nn.RNN(10, 20, 2, 'relu')\n").evaluate() == n_params(nn.RNN(10, 20, 2, "relu"))
    # a layer symcount cannot follow before the recurrent one, the functional API, another model in a reply: refused
    for text in ("model.add(Conv1D(64, 3, input_shape=(100, 8)))\nmodel.add(MaxPooling1D(2))\nmodel.add(LSTM(32))\n",
                 "inp = Input(shape=(10, 8))\nout = Dense(1)(LSTM(32)(inp))\n",
                 "model.add(Embedding(1000, 64))\nmodel.add(LSTM(32))\n\nAnswer:\n\nmodel2.add(Embedding(1000, 256))\n"
                 "model2.add(LSTM(32))\n",
                 "for layer in [SimpleRNN(32, input_shape=(10, 8)), LSTM(32, input_shape=(10, 8))]:\n    print(layer)\n",
                 "enc = nn.LSTM(64, 128)\ndec = nn.LSTM(64, 128)\n"):
        with pytest.raises(symcount.SymcountError):
            symcount.derive(text)
    # --bidirectional over stacked calls would change what the layers above read: refused, never doubled
    with pytest.raises(symcount.UsageError):
        symcount.derive("rnn = nn.LSTM(10, 20, num_layers=2)\n", bidirectional=True)


def test_after_an_audit_a_bias_beside_inner_products_is_a_vector_where_the_gate_is_declared_one_or_it_is_shared():
    text = ("Input $x_t \\in \\mathbb{R}^{d}$, hidden state $h_t \\in \\mathbb{R}^{n}$, gate $z_t \\in \\mathbb{R}^{n}$.\n"
            "$$z_t = \\sigma(\\mathbf{w}^\\top x_t + \\mathbf{u}^\\top h_{t-1} + b_z)$$\n"
            "$$h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tanh(W x_t + U h_{t-1} + b)$$\n")
    # z a vector as declared: w^T x and u^T h broadcast, b_z one per entry
    assert symcount.derive(text).evaluate(d=5, n=7) == 5 + 7 + 7 + n_params(nn.Linear(5, 7), nn.Linear(7, 7, bias=False))
    shared = text.replace(", gate $z_t \\in \\mathbb{R}^{n}$", "").replace("+ b_z)", "+ b)")
    with pytest.raises(ShapeError, match="readings"):
        symcount.derive(shared)


def test_a_comment_that_gives_each_field_its_shape():
    # Go: "// W shape: (inputSize, 3*units) — gates: [z (update), r (reset), h (candidate)]" over the struct's fields
    text = ("type GRU struct {\n\tunits           int\n\tinputSize       int\n"
            "\t// W shape: (inputSize, 3*units) — gates: [z (update), r (reset), h (candidate)]\n"
            "\t// U shape: (units, 3*units)\n\t// bias shape: (3*units)\n\twData    []float64\n\tuData    []float64\n"
            "\tbiasData []float64\n}\n")
    d = symcount.derive(text)
    assert d.evaluate(inputSize=7, units=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5  # one bias per gate


def test_a_citation_that_looks_like_a_call_is_prose():
    with pytest.raises(symcount.ParseError, match="no equations found"):
        symcount.derive("We use an LSTM(Hochreiter and Schmidhuber, 1997) with 64 units.\n")


def test_after_a_second_audit_what_the_layer_call_reader_does_not_follow_refuses():
    from tests.oracles import require
    k = require("keras")
    L = k.layers
    for text in ("dense = Dense(16)\nmodel = Sequential([Input(shape=(10, 8)), dense, LSTM(32)])\n",
                 "self.model.add(Embedding(1000, 64))\nself.model.add(LSTM(32, input_shape=(10, 8)))\n",
                 "layer_list.append(Dense(16))\nlayer_list.append(LSTM(32, input_shape=(10, 8)))\n",
                 "model = Sequential([Input(shape=(10, 8))] + [LSTM(32, return_sequences=True) for _ in range(3)])\n",
                 "model.add(LSTM(2**5, input_shape=(10, 8)))\n", "model.add(LSTM(1e2, input_shape=(10, 8)))\n",
                 "model.add(Bidirectional(LSTM(32, return_sequences=True), merge_mode=None, input_shape=(10, 8)))\n"
                 "model.add(LSTM(16))\n",
                 "model.add(LSTM(32, input_shape=(10, 8)))\nmodel.add(Dense(16))\nmodel.add(LSTM(8))\n",
                 "import paddle\nrnn = paddle.nn.LSTM(input_size=16, hidden_size=32, direction='bidirect')\n",
                 "model.add(LSTM(32, **kw))\n",
                 "model.add(GRU(32, input_shape=(None, 10)))\n\nThe GRU layer's parameter count is 4128.\n",
                 "model.add(LSTM(32, input_shape=(10, 8)))\n\nsummary: lstm (LSTM) (None, 32) 5,376\n"):
        with pytest.raises(symcount.SymcountError):
            symcount.derive(text)
    # what it follows: the functional API's simple chain from an Input (a later layer's input_shape ignored, as Keras
    # does), a layer held in a variable and added, a positional merge_mode, code after a string's '#'
    assert symcount.derive("inputs = Input(shape=(None, 8))\nx = LSTM(32, input_shape=(None, 4), return_sequences=True)(inputs)\n"
                           "y = GRU(16)(x)\n").evaluate() == _keras_recurrent(k.Input((None, 8)), L.LSTM(32, return_sequences=True),
                                                                          L.GRU(16))
    assert symcount.derive("lstm = LSTM(32, input_shape=(10, 8))\nmodel.add(lstm)\n").evaluate() == \
        _keras_recurrent(k.Input((10, 8)), L.LSTM(32))
    assert symcount.derive("model.add(Bidirectional(LSTM(32, return_sequences=True), 'sum', input_shape=(10, 8)))\n"
                           "model.add(LSTM(16))\n").evaluate() == _keras_recurrent(
        k.Input((10, 8)), L.Bidirectional(L.LSTM(32, return_sequences=True), merge_mode="sum"), L.LSTM(16))
    assert symcount.derive('model.add(Input(shape=(10, 8)))\nprint("layer #1"); model.add(Dense(16))\nmodel.add(LSTM(32))\n',
                           read=["count=layers"]).evaluate() == _keras_recurrent(k.Input((10, 8)), L.Dense(16), L.LSTM(32))


def test_a_bias_the_prose_calls_a_vector_beside_inner_products():
    text = ("Input $x_t \\in \\mathbb{R}^{d}$, state $h_t \\in \\mathbb{R}^{n}$. The gate bias $b_z$ is a vector of length "
            "$n$, so the gate $z_t$ has one entry per unit.\n\n$$z_t = \\sigma(\\mathbf{w}^\\top x_t + \\mathbf{u}^\\top h_{t-1} + b_z)$$\n"
            "$$h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tanh(W x_t + U h_{t-1} + b)$$\n")
    assert symcount.derive(text).evaluate(d=5, n=7) == 5 + 7 + 7 + n_params(nn.Linear(5, 7), nn.Linear(7, 7, bias=False))


def test_after_set_h31_code_with_two_biases_glued_products_and_a_letter_applied_to_the_input_refuse():
    lisp = ("(defclass gru-cell (recurrent-cell)\n  ((w-ir :accessor w-ir)\n   (w-hr :accessor w-hr)\n   (b-ir :accessor b-ir)\n"
            "   (b-hr :accessor b-hr)\n   (w-iz :accessor w-iz)\n   (w-hz :accessor w-hz)\n   (b-iz :accessor b-iz)\n"
            "   (b-hz :accessor b-hz)\n   (w-in :accessor w-in)\n   (w-hn :accessor w-hn)\n   (b-in :accessor b-in)\n"
            "   (b-hn :accessor b-hn)))\n    ;; Reset gate: r_t = σ(W_ir * x_t + W_hr * h_{t-1} + b_r)\n"
            "    ;; Update gate: z_t = σ(W_iz * x_t + W_hz * h_{t-1} + b_z)\n"
            "    ;; h_t = (1 - z_t) * h_{t-1} + z_t * tanh(W_in * x_t + r_t * (W_hn * h_{t-1}) + b_n)\n")
    with pytest.raises(ShapeError, match="one bias where the code"):
        symcount.derive(lisp)
    with pytest.raises(ShapeError, match="written together"):
        symcount.derive("# 重置门Rt=σ(XtWxr + Ht-1Whr + br)\n# 更新门Zt=σ(XtWxz + Ht-1Whz + bz)\n"
                        "# 隐状态Ht = Zt · Ht-1 + (1-Zt) · tanh(XtWxh + (Rt · Ht-1)Whh + bh)\n")
    with pytest.raises(ShapeError, match="a function of the input the text does not write"):
        symcount.derive("$$ h'(t) = A h(t) + B x(t) $$\n$$ y(t) = C h(t) $$\n$$ B = B(x_t), C = C(x_t) $$\n")


def test_equations_beside_a_layer_call_of_another_count_refuse():
    # a blog's equation without biases beside the nn.RNN(100, 20) its code prints
    text = ("\\begin{align*} h_{t+1} &= x_t @ w_{xh} + h_t @ w_{hh} \\end{align*}\n\n```python\n"
            "import torch.nn as nn\nrnn = nn.RNN(100, 20)\nprint(rnn.weight_ih_l0.shape)\n```\n")
    with pytest.raises(ShapeError, match="describes two layers"):
        symcount.derive(text)
    # the same count: no refusal (the call and the equations agree)
    agreed = text.replace("h_t @ w_{hh}", "h_t @ w_{hh} + b_{ih} + b_{hh}")
    assert symcount.derive(agreed).evaluate(d_x=100, d_h=20) == n_params(nn.RNN(100, 20))


def test_after_a_third_audit_equations_beside_a_stacked_or_named_call_and_a_letter_applied_with_a_space():
    rnn = "$$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1})$$\n\nIn PyTorch:\n\n"
    for call in ("rnn = nn.RNN(100, 20, num_layers=2)\n", "rnn = nn.RNN(100, 20, bidirectional=True)\n",
                 "rnn = nn.RNN(input_size, hidden_size)\n"):
        with pytest.raises(ShapeError, match="describes two layers"):
            symcount.derive(rnn + call)
    # the same layer, two of them: counted as the equations write one, with a note naming --layers
    two = symcount.derive(rnn.replace("W_{hh} h_{t-1})", "W_{hh} h_{t-1} + b_{ih} + b_{hh})") + "rnn = nn.RNN(10, 20, 2)\n")
    assert two.evaluate(d_x=10, d_h=20) == n_params(nn.RNNCell(10, 20))
    assert any("--layers 2" in n for n in two.shapes.notes)
    with pytest.raises(ShapeError, match="a function of the input"):
        symcount.derive("$$ h'(t) = A h(t) + B x(t) $$\n$$ y(t) = C h(t) $$\n$$ B = B (x_t) $$\n")


def test_a_squared_loss_among_the_equations_is_set_aside():
    d = symcount.derive("$$\n\\begin{aligned}\nh_t&=\\tanh(Wh_{t-1}+Ux_t)\\\\\ny_t&=Vh_t\\\\\nL_t&=(y_t-y_{t0})^2\n\\end{aligned}\n$$\n")
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5, bias=False), nn.Linear(5, 3, bias=False))
    assert any("training loss" in n for n in d.shapes.notes)


def test_a_call_in_a_text_that_names_no_framework_is_not_compared():
    # Lua's Torch7 writes nn.GRU(inputSize, outputSize) too: with no PyTorch or Keras named, the equations are counted
    text = "$$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1})$$\n\n    rnn = nn.GRU(k, h)\n"
    assert symcount.derive(text).evaluate(d_x=3, d_h=2) == n_params(nn.RNNCell(3, 2, bias=False))


def test_equations_beside_a_module_that_holds_a_layer_of_another_count_refuse():
    text = ("The recurrence is $$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1})$$\n\n```python\nclass Net(nn.Module):\n"
            "    def __init__(self):\n        super().__init__()\n        self.rnn = nn.RNN(100, 20)\n```\n")
    with pytest.raises(ShapeError, match="describes two layers"):
        symcount.derive(text)
