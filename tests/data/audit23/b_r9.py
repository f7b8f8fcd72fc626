
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Parameter(torch.normal(0, 1, size=(hidden_size, input_size)))
        self.U = nn.Parameter(torch.normal(0, 1, size=(hidden_size, hidden_size)))
