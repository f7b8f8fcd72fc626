
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        k = 1 / math.sqrt(hidden_size)
        self.W = nn.Parameter(torch.empty(hidden_size, input_size).uniform_(-k, k))
        self.U = nn.Parameter(torch.empty(hidden_size, hidden_size).uniform_(-1/math.sqrt(hidden_size), 1/math.sqrt(hidden_size)))
