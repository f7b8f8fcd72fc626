
class Cell(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.w = nn.Linear(config.input_size, 4 * config.hidden_size)
