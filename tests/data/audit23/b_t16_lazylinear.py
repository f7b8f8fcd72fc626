
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.LazyLinear(hidden_size)
        self.u = nn.Linear(hidden_size, hidden_size)
