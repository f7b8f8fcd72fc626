import torch
import torch.nn as nn

class RNNCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.reset_parameters()

    def reset_parameters(self):
        self.W = nn.Parameter(torch.randn(self.hidden_size, self.input_size) * 0.01)
        self.U = nn.Parameter(torch.randn(self.hidden_size, self.hidden_size) * 0.01)
        self.b = nn.Parameter(torch.zeros(self.hidden_size))
