
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        """
        Args:
            input_size: features of x
            hidden_size: features of h
        Note: with proj, hidden_size = 2 * input_size
        """
        super().__init__()
        self.W = nn.Linear(input_size, hidden_size)
