
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Linear(input_size + hidden_size, (hidden_size + 1) * 2)
        self.b = nn.Parameter(torch.zeros(hidden_size - 1))
