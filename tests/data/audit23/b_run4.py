from h import case
S = dict(input_size=7, hidden_size=5)
case("t50_injected_param", '''
class Gate(nn.Module):
    def __init__(self, weight, hidden_size):
        super().__init__()
        self.weight = weight
        self.bias = nn.Parameter(torch.zeros(hidden_size))

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.gate = Gate(nn.Parameter(torch.randn(hidden_size, input_size)), hidden_size)
        self.U = nn.Linear(hidden_size, hidden_size)
''', "Cell", S)
case("t51_script", '''
from torch import jit
class Cell(jit.ScriptModule):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.weight_ih = nn.Parameter(torch.randn(4 * hidden_size, input_size))
        self.weight_hh = nn.Parameter(torch.randn(4 * hidden_size, hidden_size))
''', "Cell", S)
case("t52_nestedbranch_env", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=False, concat_input=False):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, bidirectional=bidirectional)
        feat = hidden_size
        if concat_input:
            feat = hidden_size + input_size
        self.head = nn.Linear(feat, 2)
''', "Model", S)
case("t53_local_after_else", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, tied=True):
        super().__init__()
        self.rnn = nn.GRUCell(input_size, hidden_size)
        if tied:
            out_in = hidden_size
        else:
            out_in = 2 * hidden_size
        self.out = nn.Linear(out_in, input_size)
''', "Model", S)
