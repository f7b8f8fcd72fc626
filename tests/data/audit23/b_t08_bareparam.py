
from torch.nn import Parameter
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = Parameter(torch.randn(input_size, hidden_size))
        self.U = Parameter(torch.randn(hidden_size, hidden_size))
        self.b = Parameter(torch.zeros(hidden_size))
