
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super().__init__()
        self.w = nn.Parameter(torch.empty(hidden_size, input_size))
        if not bias:
            self.b = nn.Parameter(torch.zeros(hidden_size))
