
class Cell(nn.Module):
    gates = 4
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(input_size, self.gates * hidden_size)
