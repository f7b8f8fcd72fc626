from h import case
S = dict(input_size=7, hidden_size=5)
case("t44_loopenv2", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, n_blocks=2):
        super().__init__()
        dim = hidden_size
        for _ in range(n_blocks):
            dim = 2 * dim
        self.rnn = nn.GRUCell(input_size, hidden_size)
        self.fc = nn.Linear(dim, 1)
''', "Model", S)
case("t45_while", '''
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, use_attention=False):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size, batch_first=True)
        context = 0
        if use_attention:
            context = hidden_size
        self.out = nn.Linear(hidden_size + context, input_size)
''', "Model", S)
