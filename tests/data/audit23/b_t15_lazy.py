
class Cell(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        self.w = None
    def forward(self, x):
        if self.w is None:
            self.w = nn.Linear(x.shape[-1], self.hidden_size)
        return self.w(x)
