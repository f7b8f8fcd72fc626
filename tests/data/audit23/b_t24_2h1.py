
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(2*hidden_size+1, input_size)
        self.v = nn.Parameter(torch.zeros(2 * (hidden_size + 1)))
