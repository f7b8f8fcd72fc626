
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.x2h = \
            nn.Linear(input_size, 4 * hidden_size)
        self.h2h = nn.Linear(hidden_size, 4 * hidden_size)
