
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(input_size, hidden_size)
        self.ln = nn.LayerNorm(hidden_size, bias=False)
