
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, concat=True):
        super().__init__()
        self.cell = nn.GRUCell(input_size, hidden_size)
        if concat:
            fc_in = hidden_size + input_size
        else:
            fc_in = hidden_size
        self.fc = nn.Linear(fc_in, 1)
