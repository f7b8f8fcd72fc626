
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.gates = nn.ModuleDict({"i": nn.Linear(input_size, hidden_size), "f": nn.Linear(input_size, hidden_size)})
        self.u = nn.Linear(hidden_size, hidden_size)
