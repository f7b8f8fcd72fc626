
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True, peep=False):
        super().__init__()
        self.w = nn.Linear(input_size, 4 * hidden_size, bias=False)
        if bias:
            self.b = nn.Parameter(torch.zeros(4 * hidden_size))
        elif peep:
            self.p = nn.Parameter(torch.zeros(3 * hidden_size))
