
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ws = nn.ParameterList([nn.Parameter(torch.randn(hidden_size, input_size)) for _ in range(4)])
        self.u = nn.Linear(hidden_size, hidden_size)
