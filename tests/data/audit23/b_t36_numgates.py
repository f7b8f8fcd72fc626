
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        num_gates = 4
        self.W = nn.Linear(input_size, hidden_size * num_gates)
        self.U = nn.Linear(hidden_size, num_gates * hidden_size)
