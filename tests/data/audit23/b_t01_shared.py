
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.proj = nn.Linear(input_size, hidden_size)
        self.gate = nn.Linear(hidden_size, hidden_size)
        self.other = self.proj
