
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.conv = nn.Conv1d(input_size, hidden_size, 3)
        self.u = nn.Linear(hidden_size, hidden_size)
