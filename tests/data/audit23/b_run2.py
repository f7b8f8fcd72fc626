from h import case
S = dict(input_size=7, hidden_size=5)
case("t30_branchenv", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=False):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size, batch_first=True, bidirectional=bidirectional)
        out_features = hidden_size
        if bidirectional:
            out_features = 2 * hidden_size
        self.fc = nn.Linear(out_features, 3)
''', "Model", S)
case("t31_augassign", '''
class Decoder(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        rnn_input = input_size
        rnn_input += hidden_size  # input feeding: the previous attentional vector
        self.cell = nn.LSTMCell(rnn_input, hidden_size)
''', "Decoder", S)
case("t32_selfaug", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=True):
        super().__init__()
        self.out_dim = hidden_size
        self.rnn = nn.LSTM(input_size, hidden_size, bidirectional=bidirectional)
        self.out_dim *= 2
        self.fc = nn.Linear(self.out_dim, 1)
''', "Model", S)
case("t33_injected", '''
class Wrapper(nn.Module):
    def __init__(self, cell, hidden_size):
        super().__init__()
        self.cell = cell
        self.out = nn.Linear(hidden_size, 1)

class Model(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.net = Wrapper(nn.GRUCell(input_size, hidden_size), hidden_size)
''', "Model", S)
case("t34_backslash", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.x2h = \\
            nn.Linear(input_size, 4 * hidden_size)
        self.h2h = nn.Linear(hidden_size, 4 * hidden_size)
''', "Cell", S)
case("t35_normal", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Parameter(torch.normal(0, 1, size=(hidden_size, input_size)))
        self.U = nn.Parameter(torch.normal(0, 1, size=(hidden_size, hidden_size)))
''', "Cell", S)
case("t36_numgates", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        num_gates = 4
        self.W = nn.Linear(input_size, hidden_size * num_gates)
        self.U = nn.Linear(hidden_size, num_gates * hidden_size)
''', "Cell", S)
case("t37_prec", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Linear(input_size + hidden_size, (hidden_size + 1) * 2)
        self.b = nn.Parameter(torch.zeros(hidden_size - 1))
''', "Cell", S)
case("t38_initdoc", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        """
        Args:
            input_size: features of x
            hidden_size: features of h
        Note: with proj, hidden_size = 2 * input_size
        """
        super().__init__()
        self.W = nn.Linear(input_size, hidden_size)
''', "Cell", S)
case("t39_numlayersdefault", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=2):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, num_layers)
''', "Model", S)
case("t40_loopenv", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, n_blocks=2):
        super().__init__()
        dim = hidden_size
        for _ in range(n_blocks):
            dim = dim * 2
        self.rnn = nn.GRUCell(input_size, hidden_size)
        self.fc = nn.Linear(dim, 1)
''', "Model", S)
case("t41_else_env", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, concat=True):
        super().__init__()
        self.cell = nn.GRUCell(input_size, hidden_size)
        if concat:
            fc_in = hidden_size + input_size
        else:
            fc_in = hidden_size
        self.fc = nn.Linear(fc_in, 1)
''', "Model", S)
case("t42_uniform", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        k = 1 / math.sqrt(hidden_size)
        self.W = nn.Parameter(torch.empty(hidden_size, input_size).uniform_(-k, k))
        self.U = nn.Parameter(torch.empty(hidden_size, hidden_size).uniform_(-1/math.sqrt(hidden_size), 1/math.sqrt(hidden_size)))
''', "Cell", S)
case("t43_seqinj", '''
class Head(nn.Module):
    def __init__(self, body, n):
        super().__init__()
        self.body = body
        self.fc = nn.Linear(n, n)
class Model(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.head = Head(body=nn.Sequential(nn.Linear(input_size, hidden_size), nn.Tanh()), n=hidden_size)
''', "Model", S)
