from h import case
S = dict(input_size=7, hidden_size=5)
case("t01_shared", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.proj = nn.Linear(input_size, hidden_size)
        self.gate = nn.Linear(hidden_size, hidden_size)
        self.other = self.proj
''', "Cell", S)
case("t02_paramlist", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ws = nn.ParameterList([nn.Parameter(torch.randn(hidden_size, input_size)) for _ in range(4)])
        self.u = nn.Linear(hidden_size, hidden_size)
''', "Cell", S)
case("t03_moduledict", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.gates = nn.ModuleDict({"i": nn.Linear(input_size, hidden_size), "f": nn.Linear(input_size, hidden_size)})
        self.u = nn.Linear(hidden_size, hidden_size)
''', "Cell", S)
case("t04_classattr", '''
class Cell(nn.Module):
    gates = 4
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(input_size, self.gates * hidden_size)
''', "Cell", S)
case("t05_property", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.w = nn.Linear(input_size, 4 * hidden_size)
        self.u = nn.Linear(hidden_size, 4 * hidden_size, bias=False)
    @property
    def state_size(self):
        return self.hidden_size
''', "Cell", S)
case("t06_config", '''
class Cell(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.w = nn.Linear(config.input_size, 4 * config.hidden_size)
''', "Cell", dict(config=type("C", (), dict(input_size=7, hidden_size=5))()), S)
case("t07_torchnnparam", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = torch.nn.Parameter(torch.randn(input_size, hidden_size))
        self.U = torch.nn.Parameter(torch.randn(hidden_size, hidden_size))
        self.b = torch.nn.Parameter(torch.zeros(hidden_size))
''', "Cell", S)
case("t08_bareparam", '''
from torch.nn import Parameter
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = Parameter(torch.randn(input_size, hidden_size))
        self.U = Parameter(torch.randn(hidden_size, hidden_size))
        self.b = Parameter(torch.zeros(hidden_size))
''', "Cell", S)
case("t09_comments_in_call", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(
            input_size,  # the input (x)
            4 * hidden_size,  # four gates, stacked
            bias=False,  # no bias here, it's in u
        )
        self.u = nn.Linear(hidden_size, 4 * hidden_size)
''', "Cell", S)
case("t10_tabs", "class Cell(nn.Module):\n\tdef __init__(self, input_size, hidden_size):\n\t\tsuper().__init__()\n\t\tself.w = nn.Linear(input_size, hidden_size)\n\t\tif True:\n\t\t\tself.v = nn.Linear(hidden_size, hidden_size)\n", "Cell", S)
case("t11_ifnotbias", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super().__init__()
        self.w = nn.Parameter(torch.empty(hidden_size, input_size))
        if not bias:
            self.b = nn.Parameter(torch.zeros(hidden_size))
''', "Cell", S)
case("t12_elif", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size, mode="lstm"):
        super().__init__()
        if mode == "lstm":
            self.w = nn.Linear(input_size, 4 * hidden_size)
        elif mode == "gru":
            self.w = nn.Linear(input_size, 3 * hidden_size)
''', "Cell", S)
case("t13_elifflag", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True, peep=False):
        super().__init__()
        self.w = nn.Linear(input_size, 4 * hidden_size, bias=False)
        if bias:
            self.b = nn.Parameter(torch.zeros(4 * hidden_size))
        elif peep:
            self.p = nn.Parameter(torch.zeros(3 * hidden_size))
''', "Cell", S)
case("t14_nested", '''
class Outer(nn.Module):
    class Inner(nn.Module):
        def __init__(self, n):
            super().__init__()
            self.l = nn.Linear(n, n)
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.a = nn.Linear(input_size, hidden_size)
''', "Outer", S)
case("t15_lazy", '''
class Cell(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        self.w = None
    def forward(self, x):
        if self.w is None:
            self.w = nn.Linear(x.shape[-1], self.hidden_size)
        return self.w(x)
''', "Cell", dict(hidden_size=5))
case("t16_lazylinear", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.LazyLinear(hidden_size)
        self.u = nn.Linear(hidden_size, hidden_size)
''', "Cell", S)
case("t17_conv1d", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.conv = nn.Conv1d(input_size, hidden_size, 3)
        self.u = nn.Linear(hidden_size, hidden_size)
''', "Cell", S)
case("t18_mha", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.att = nn.MultiheadAttention(hidden_size, 1)
        self.u = nn.Linear(input_size, hidden_size)
''', "Cell", S)
case("t19_embpad", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.emb = nn.Embedding(input_size, hidden_size, padding_idx=0)
        self.rnn = nn.GRU(hidden_size, hidden_size)
''', "Cell", S)
case("t20_lnnobias", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(input_size, hidden_size)
        self.ln = nn.LayerNorm(hidden_size, bias=False)
''', "Cell", S)
case("t21_lstmproj", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, proj_size=3)
''', "Cell", S)
case("t22_gru2bi", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size, num_layers=2, bidirectional=True)
''', "Cell", S)
case("t23_half", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(input_size, hidden_size // 2)
''', "Cell", dict(input_size=7, hidden_size=6))
case("t24_2h1", '''
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(2*hidden_size+1, input_size)
        self.v = nn.Parameter(torch.zeros(2 * (hidden_size + 1)))
''', "Cell", S)
