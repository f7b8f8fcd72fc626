
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size, mode="lstm"):
        super().__init__()
        if mode == "lstm":
            self.w = nn.Linear(input_size, 4 * hidden_size)
        elif mode == "gru":
            self.w = nn.Linear(input_size, 3 * hidden_size)
