
class Gate(nn.Module):
    def __init__(self, weight, hidden_size):
        super().__init__()
        self.weight = weight
        self.bias = nn.Parameter(torch.zeros(hidden_size))

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.gate = Gate(nn.Parameter(torch.randn(hidden_size, input_size)), hidden_size)
        self.U = nn.Linear(hidden_size, hidden_size)
