
class Wrapper(nn.Module):
    def __init__(self, cell, hidden_size):
        super().__init__()
        self.cell = cell
        self.out = nn.Linear(hidden_size, 1)

class Model(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.net = Wrapper(nn.GRUCell(input_size, hidden_size), hidden_size)
