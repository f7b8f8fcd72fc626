
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, tied=True):
        super().__init__()
        self.rnn = nn.GRUCell(input_size, hidden_size)
        if tied:
            out_in = hidden_size
        else:
            out_in = 2 * hidden_size
        self.out = nn.Linear(out_in, input_size)
