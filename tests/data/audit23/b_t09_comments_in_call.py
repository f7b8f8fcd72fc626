
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.w = nn.Linear(
            input_size,  # the input (x)
            4 * hidden_size,  # four gates, stacked
            bias=False,  # no bias here, it's in u
        )
        self.u = nn.Linear(hidden_size, 4 * hidden_size)
