
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.att = nn.MultiheadAttention(hidden_size, 1)
        self.u = nn.Linear(input_size, hidden_size)
